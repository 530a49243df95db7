package io.github.seq2seq4j.server.metrics;

/** Sample values as the exposition format writes them: integers without a fraction, NaN, ±Inf. */
final class PrometheusNumbers {
    private PrometheusNumbers() {}

    static String format(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
