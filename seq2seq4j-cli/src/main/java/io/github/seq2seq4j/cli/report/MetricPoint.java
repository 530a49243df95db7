package io.github.seq2seq4j.cli.report;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One measurement taken during training: a metric's value on a split at an optimizer step. The
 * trainer emits its training loss, learning rate and gradient norm after every step and one per
 * dev metric at each validation; {@link MetricsCsv} stores them one per line.
 *
 * @param step optimizer updates done so far, at least 0
 * @param epoch the epoch the measurement was taken in (1-based; 0 before the first), at least 0
 * @param split where it was measured: {@value #TRAIN}, {@value #DEV}, or any other name made of
 *     letters, digits, {@code _ . - +}
 * @param metric what was measured, same alphabet as {@code split}: see {@link MetricNames}
 * @param value the value; may be NaN or infinite (a diverged loss is still worth recording)
 */
public record MetricPoint(long step, int epoch, String split, String metric, double value) {
    /** The split of training-batch measurements (loss, learning rate, gradient norm). */
    public static final String TRAIN = "train";
    /** The split of validation measurements. */
    public static final String DEV = "dev";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.+-]+");

    /** Validates the step, epoch and names (names never need CSV quoting). */
    public MetricPoint {
        if (step < 0 || epoch < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "metric point: step (%d) and epoch (%d) must be >= 0", step, epoch));
        }
        checkName("split", split);
        checkName("metric", metric);
    }

    private static void checkName(String what, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("metric point: " + what + " must be letters, digits, _ . - + but is "
                    + (name == null ? "null" : "\"" + name + "\""));
        }
    }
}
