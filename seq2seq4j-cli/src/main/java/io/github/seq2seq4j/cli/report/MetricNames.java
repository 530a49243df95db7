package io.github.seq2seq4j.cli.report;

import java.util.Map;

/**
 * The metric names a training run writes to {@code metrics.csv} (see {@link MetricsCsv}), and how
 * charts and tables label them. After every optimizer step, split {@code train}: {@link #LOSS},
 * {@link #LEARNING_RATE}, {@link #GRAD_NORM}; after every validation, split {@code dev}:
 * {@link #LOSS}, {@link #PPL}, {@link #ACC} and each requested text metric. Any other name is
 * allowed and shown as written.
 */
public final class MetricNames {
    /** Mean cross-entropy per target token (nats), label smoothing included during training. */
    public static final String LOSS = "loss";
    /** Learning rate used at the step (the configuration key's name, {@code training.learning_rate}). */
    public static final String LEARNING_RATE = "learning_rate";
    /** Global gradient norm before clipping. */
    public static final String GRAD_NORM = "grad_norm";
    /** Perplexity, exp(loss). */
    public static final String PPL = "ppl";
    /** Exact-match accuracy, in percent. */
    public static final String ACC = "acc";
    /** Corpus BLEU (Papineni et al. 2002), 0..100. */
    public static final String BLEU = "bleu";
    /** chrF (Popović 2015), 0..100. */
    public static final String CHRF = "chrf";
    /** chrF++ (chrF with word bigrams), 0..100. */
    public static final String CHRF_PLUS = "chrf++";
    /** Word error rate, in percent. */
    public static final String WER = "wer";
    /** Character error rate, in percent. */
    public static final String CER = "cer";
    /** Phoneme (token) error rate against the closest reference, in percent. */
    public static final String PER = "per";

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry(LOSS, "loss"), Map.entry(LEARNING_RATE, "learning rate"),
            Map.entry(GRAD_NORM, "gradient norm"), Map.entry(PPL, "perplexity"), Map.entry(ACC, "accuracy"),
            Map.entry(BLEU, "BLEU"), Map.entry(CHRF, "chrF"), Map.entry(CHRF_PLUS, "chrF++"), Map.entry(WER, "WER"),
            Map.entry(CER, "CER"), Map.entry(PER, "PER"));

    private MetricNames() {}

    /** How charts and tables name {@code metric}: {@code "BLEU"} for {@code bleu}, else the name itself. */
    public static String label(String metric) {
        return LABELS.getOrDefault(metric, metric);
    }
}
