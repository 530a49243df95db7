package io.github.seq2seq4j.cli.report;

import java.util.Objects;

/**
 * One translated sentence shown in a report.
 *
 * @param source the input text
 * @param hypothesis the model's output text
 * @param reference the expected output, or null when there is none
 * @param attention the decoder's attention over the source while producing the hypothesis, or null
 */
public record Sample(String source, String hypothesis, String reference, AttentionMatrix attention) {

    /** Requires the source and hypothesis. */
    public Sample {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(hypothesis, "hypothesis");
    }

    /** A sample without attention weights. */
    public Sample(String source, String hypothesis, String reference) {
        this(source, hypothesis, reference, null);
    }

    /** True if there is a reference and the hypothesis equals it, ignoring surrounding whitespace. */
    public boolean exactMatch() {
        return reference != null && hypothesis.strip().equals(reference.strip());
    }
}
