package io.github.seq2seq4j.cli.train;

import io.github.seq2seq4j.train.ValidationReport;
import java.util.Locale;
import java.util.Map;

/** The short texts a run prints about itself, shared by the console and train.log. */
final class Summaries {
    private Summaries() {}

    /** "loss 0.4100 ppl 1.51 acc 100.00 bleu 48.53". */
    static String metrics(Map<String, Double> metrics) {
        StringBuilder sb = new StringBuilder();
        metrics.forEach((name, value) -> {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(name).append(' ').append(value(name, value));
        });
        return sb.toString();
    }

    /** A metric value with the precision people read it at. */
    static String value(String name, double v) {
        return String.format(Locale.ROOT, name.equals("loss") ? "%.4f" : "%.2f", v);
    }

    /** "dev loss 0.4100 ppl 1.51 acc 100.00 | best acc 100.00 (new best)". */
    static String validation(ValidationReport r, double best) {
        return "dev " + metrics(r.metrics()) + " | best " + r.metric() + " " + value(r.metric(), best)
                + (r.improved() ? " (new best)" : "");
    }

    /** "1.00e-03". */
    static String rate(double lr) {
        return String.format(Locale.ROOT, "%.2e", lr);
    }

    /** "12,345". */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** "1m 05s", "2h 03m", "12.3s". */
    static String duration(long nanos) {
        double s = nanos / 1e9;
        if (s < 60) {
            return String.format(Locale.ROOT, "%.1fs", s);
        }
        long secs = Math.round(s);
        if (secs < 3600) {
            return String.format(Locale.ROOT, "%dm %02ds", secs / 60, secs % 60);
        }
        return String.format(Locale.ROOT, "%dh %02dm", secs / 3600, (secs % 3600) / 60);
    }
}
