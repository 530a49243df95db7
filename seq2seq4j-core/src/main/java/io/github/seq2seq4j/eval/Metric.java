package io.github.seq2seq4j.eval;

import java.util.List;

/**
 * A corpus-level evaluation metric: hypotheses and one reference set per hypothesis in, a score
 * in percent out. The CLI's {@code evaluate --metrics} and the trainer's early stopping look
 * metrics up by name through {@link Metrics#byName}.
 *
 * <p>Implementations are immutable and safe to share between threads.
 */
public interface Metric {
    /** The lookup name ("bleu", "chrf", "wer", ...). */
    String name();

    /** True for scores to maximise (BLEU, chrF, accuracy), false for error rates. */
    boolean higherIsBetter();

    /**
     * The corpus score in percent.
     *
     * @param hypotheses one line per segment
     * @param references {@code references.get(i)} holds every reference of hypothesis i
     * @throws io.github.seq2seq4j.InputException if the sizes differ or a segment lacks a reference
     */
    double score(List<String> hypotheses, List<? extends List<String>> references);
}
