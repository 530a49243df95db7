package io.github.seq2seq4j.cli.report;

import java.util.Map;

/**
 * The metric names the trainer writes to the metrics CSV, and how charts and tables label them.
 * Any other name is allowed and shown as written.
 */
public final class MetricNames {
    /** Mean cross-entropy per target token (nats). */
    public static final String LOSS = "loss";
    /** Learning rate in force at the step. */
    public static final String LR = "lr";
    /** Perplexity, exp(loss). */
    public static final String PPL = "ppl";
    /** Token or sentence accuracy, in percent. */
    public static final String ACC = "acc";
    /** Corpus BLEU (Papineni et al. 2002), 0..100. */
    public static final String BLEU = "bleu";
    /** chrF (Popović 2015), 0..100. */
    public static final String CHRF = "chrf";
    /** Word error rate, in percent. */
    public static final String WER = "wer";
    /** Position-independent error rate, in percent. */
    public static final String PER = "per";

    private static final Map<String, String> LABELS = Map.of(
            LOSS, "loss", LR, "learning rate", PPL, "perplexity", ACC, "accuracy",
            BLEU, "BLEU", CHRF, "chrF", WER, "WER", PER, "PER");

    private MetricNames() {}

    /** How charts and tables name {@code metric}: {@code "BLEU"} for {@code bleu}, else the name itself. */
    public static String label(String metric) {
        return LABELS.getOrDefault(metric, metric);
    }
}
