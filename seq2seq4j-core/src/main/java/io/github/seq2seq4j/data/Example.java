package io.github.seq2seq4j.data;

import java.util.Objects;

/**
 * One encoded training example: source and target token ids without BOS/EOS (a {@link Batch} adds
 * them) and its index in the corpus. The arrays are shared, not copied; equality is identity.
 */
public record Example(long index, int[] source, int[] target) {
    /** Checks that both sides are present and the source is not empty. */
    public Example {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        if (source.length == 0) {
            // the encoder needs at least one step; the reference's packed sequences reject length 0
            throw new IllegalArgumentException("example " + index + " has an empty source");
        }
    }

    /** Encodes a tokenized pair. */
    public static Example encode(TextPair pair, Vocabulary sourceVocab, Vocabulary targetVocab) {
        return new Example(pair.index(), sourceVocab.encode(pair.source()), targetVocab.encode(pair.target()));
    }
}
