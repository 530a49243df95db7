package io.github.seq2seq4j.cli.demo;

import io.github.seq2seq4j.cli.report.AttentionMatrix;
import java.util.List;
import java.util.Objects;

/**
 * One held-out word as the demo scores it.
 *
 * @param source     the word as the model reads it, letters separated by spaces ({@code "t o m a t o"})
 * @param hypothesis the predicted phonemes, separated by spaces
 * @param references the word's pronunciations, in the data's order (CMUdict's primary first)
 * @param closest    index in {@code references} of the pronunciation the hypothesis is charged against:
 *                   the nearest by edit distance, the shortest among equals (as the PER counts it)
 * @param distance   phoneme edits from the hypothesis to that pronunciation; 0 means correct
 * @param attention  the decoder's attention while predicting, or null when none was recorded
 */
public record WordResult(String source, String hypothesis, List<String> references, int closest, int distance,
                         AttentionMatrix attention) {
    /** Checks the indices and copies the references. */
    public WordResult {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(hypothesis, "hypothesis");
        references = List.copyOf(references);
        if (closest < 0 || closest >= references.size()) {
            throw new IllegalArgumentException("closest reference " + closest + " of " + references.size());
        }
        if (distance < 0) {
            throw new IllegalArgumentException("negative edit distance " + distance);
        }
    }

    /** The word as people write it: {@code "tomato"}. */
    public String word() {
        return source.replace(" ", "");
    }

    /** True if the prediction equals one of the pronunciations. */
    public boolean correct() {
        return distance == 0;
    }

    /** The pronunciation the prediction is compared with. */
    public String closestReference() {
        return references.get(closest);
    }
}
