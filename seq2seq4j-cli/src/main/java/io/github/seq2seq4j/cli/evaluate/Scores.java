package io.github.seq2seq4j.cli.evaluate;

import io.github.seq2seq4j.eval.Metric;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Corpus scores by metric name, in the order asked for, printed as one JSON object
 * ({@code {"bleu": 48.530827, "chrf": 60.123456}}, percent, 6 decimals) or as a table for people.
 */
public record Scores(Map<String, Double> values) {
    /** Scores every metric on the hypotheses and their reference sets. */
    public static Scores compute(List<Metric> metrics, List<String> hypotheses, List<? extends List<String>> references) {
        Map<String, Double> v = new LinkedHashMap<>();
        for (Metric m : metrics) {
            v.put(m.name(), m.score(hypotheses, references));
        }
        return new Scores(v);
    }

    /** One line of JSON. */
    public String json() {
        StringBuilder sb = new StringBuilder("{");
        values.forEach((name, value) -> {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append('"').append(name).append("\": ").append(String.format(Locale.ROOT, "%.6f", value));
        });
        return sb.append('}').toString();
    }

    /** A two-column table, then {@code note} (what was scored). */
    public String table(String note) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-8s %8s\n", "metric", "score"));
        values.forEach((name, value) -> sb.append(String.format(Locale.ROOT, "%-8s %8.2f\n", name, value)));
        return sb.append(note).append('\n').toString();
    }
}
