package io.github.seq2seq4j.cli.report;

/**
 * Exponential moving average for noisy training curves, debiased the way Adam debiases its moments:
 * the average starts at 0 and is divided by {@code 1 - weight^k} after {@code k} values, so the
 * first points are not dragged towards 0.
 */
final class Smoothing {
    private Smoothing() {}

    /**
     * The debiased EMA of {@code values}; {@code weight} in [0, 1) is the share kept from the past
     * (0 returns the values unchanged). Non-finite values are skipped: their output repeats the
     * previous smoothed value (NaN if there is none yet).
     */
    static double[] ema(double[] values, double weight) {
        if (!(weight >= 0 && weight < 1)) {
            throw new IllegalArgumentException("smoothing weight must be in [0, 1), got " + weight);
        }
        double[] out = new double[values.length];
        double avg = 0;
        double keep = 1; // weight^k
        double last = Double.NaN;
        for (int i = 0; i < values.length; i++) {
            if (Double.isFinite(values[i])) {
                avg = weight * avg + (1 - weight) * values[i];
                keep *= weight;
                last = avg / (1 - keep);
            }
            out[i] = last;
        }
        return out;
    }

    /**
     * A weight for {@code n} points whose averaging window is about a twentieth of the curve:
     * long runs get a smooth trend line, short ones stay close to the data.
     */
    static double weightFor(int n) {
        double window = Math.max(1, n / 20.0);
        return Math.max(0.6, Math.min(0.99, 1 - 1 / window));
    }
}
