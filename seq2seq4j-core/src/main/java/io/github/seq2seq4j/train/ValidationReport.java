package io.github.seq2seq4j.train;

import java.util.Map;

/**
 * A validation on the dev set.
 *
 * @param step     optimizer steps so far
 * @param epoch    0-based epoch
 * @param metrics  metric name → value ("loss", "ppl", "acc" in percent, and any requested text metrics)
 * @param metric   the metric that selects the best checkpoint
 * @param improved true if it improved on the best so far
 * @param samples  a few (source, hypothesis, reference) triples for people to read
 */
public record ValidationReport(long step, int epoch, Map<String, Double> metrics, String metric, boolean improved,
                               java.util.List<String[]> samples) {
    /** The value of the metric that selects the best checkpoint. */
    public double value() {
        return metrics.get(metric);
    }
}
