package io.github.seq2seq4j.server.metrics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/** A histogram with labels: one {@link Histogram} (same buckets) per combination of label values. */
public final class HistogramFamily implements MetricFamily {
    private final String name;
    private final String help;
    private final List<String> labelNames;
    private final double[] bounds;
    private final Map<List<String>, Histogram> histograms = new ConcurrentSkipListMap<>(LabelOrder.INSTANCE);

    /** A family named {@code name} with these bucket upper bounds and label names. */
    public HistogramFamily(String name, String help, double[] bounds, String... labelNames) {
        this.name = name;
        this.help = help;
        this.bounds = new Histogram(bounds).bounds(); // validates
        this.labelNames = List.of(labelNames);
    }

    /** Records one value under these label values. */
    public void observe(double value, String... labelValues) {
        histogram(labelValues).observe(value);
    }

    /** The histogram for these label values (created empty if new). */
    public Histogram histogram(String... labelValues) {
        List<String> key = List.of(labelValues);
        if (key.size() != labelNames.size()) {
            throw new IllegalArgumentException(name + " takes labels " + labelNames + ", got " + key);
        }
        return histograms.computeIfAbsent(key, k -> new Histogram(bounds));
    }

    @Override
    public void writeTo(StringBuilder out) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(" histogram\n");
        for (Map.Entry<List<String>, Histogram> e : histograms.entrySet()) {
            Labels labels = new Labels(labelNames, e.getKey());
            Histogram h = e.getValue();
            long[] cumulative = h.cumulativeCounts();
            for (int i = 0; i < cumulative.length; i++) {
                String le = i < bounds.length ? PrometheusNumbers.format(bounds[i]) : "+Inf";
                out.append(name).append("_bucket").append(labels.render("le", le)).append(' ')
                        .append(cumulative[i]).append('\n');
            }
            out.append(name).append("_sum").append(labels.render()).append(' ')
                    .append(PrometheusNumbers.format(h.sum())).append('\n');
            out.append(name).append("_count").append(labels.render()).append(' ')
                    .append(cumulative[cumulative.length - 1]).append('\n');
        }
    }
}
