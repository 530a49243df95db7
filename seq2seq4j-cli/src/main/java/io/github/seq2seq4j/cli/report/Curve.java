package io.github.seq2seq4j.cli.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One metric on one split as a function of the step, ready to plot: sorted by step, one value per
 * step (the last row wins, so a resumed run that logs a step again replaces it), and non-finite
 * values left out but counted.
 *
 * @param split the split, e.g. {@code dev}
 * @param metric the metric, e.g. {@code bleu}
 * @param steps the steps, ascending
 * @param values the finite values, one per step
 * @param nonFinite how many steps had a NaN or infinite value and were left out
 */
record Curve(String split, String metric, double[] steps, double[] values, int nonFinite) {

    /** The curves in {@code points}, in order of first appearance. */
    static List<Curve> group(List<MetricPoint> points) {
        Map<String, TreeMap<Long, MetricPoint>> bySeries = new LinkedHashMap<>();
        for (MetricPoint p : points) {
            bySeries.computeIfAbsent(p.split() + "\u0000" + p.metric(), k -> new TreeMap<>()).put(p.step(), p);
        }
        List<Curve> curves = new ArrayList<>(bySeries.size());
        for (TreeMap<Long, MetricPoint> series : bySeries.values()) {
            MetricPoint first = series.firstEntry().getValue();
            double[] steps = new double[series.size()];
            double[] values = new double[series.size()];
            int n = 0;
            for (MetricPoint p : series.values()) {
                if (Double.isFinite(p.value())) {
                    steps[n] = p.step();
                    values[n] = p.value();
                    n++;
                }
            }
            curves.add(new Curve(first.split(), first.metric(), Arrays.copyOf(steps, n),
                    Arrays.copyOf(values, n), series.size() - n));
        }
        return curves;
    }

    boolean isEmpty() {
        return steps.length == 0;
    }
}
