package io.github.seq2seq4j.data;

import java.util.Objects;

/**
 * How to read a parallel corpus: the tokenizer of each side and the longest sentence, in tokens,
 * kept on each side. Longer pairs are skipped and counted, not fatal.
 */
public record CorpusOptions(Tokenizer source, Tokenizer target, int maxSourceTokens, int maxTargetTokens) {
    public CorpusOptions {
        Objects.requireNonNull(source, "source tokenizer");
        Objects.requireNonNull(target, "target tokenizer");
        if (maxSourceTokens < 1 || maxTargetTokens < 1) {
            throw new IllegalArgumentException("maximum lengths must be >= 1, got " + maxSourceTokens + " and " + maxTargetTokens);
        }
    }

    /** Both sides with one tokenizer, no length limit. */
    public static CorpusOptions of(Tokenizer both) {
        return of(both, both);
    }

    /** No length limit. */
    public static CorpusOptions of(Tokenizer source, Tokenizer target) {
        return new CorpusOptions(source, target, Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    /** The same tokenizers with these limits. */
    public CorpusOptions withMaxTokens(int maxSource, int maxTarget) {
        return new CorpusOptions(source, target, maxSource, maxTarget);
    }
}
