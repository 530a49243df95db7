package io.github.seq2seq4j.server.metrics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;

/** A counter with labels: one monotonically increasing count per combination of label values. */
public final class CounterFamily implements MetricFamily {
    private final String name;
    private final String help;
    private final List<String> labelNames;
    private final Map<List<String>, LongAdder> counters = new ConcurrentSkipListMap<>(LabelOrder.INSTANCE);

    /** A family named {@code name} (ending in {@code _total}) with these label names. */
    public CounterFamily(String name, String help, String... labelNames) {
        this.name = name;
        this.help = help;
        this.labelNames = List.of(labelNames);
    }

    /** Adds {@code amount} (≥ 0) to the counter with these label values. */
    public void add(long amount, String... labelValues) {
        if (amount < 0) {
            throw new IllegalArgumentException("a counter only goes up: " + amount);
        }
        counter(labelValues).add(amount);
    }

    public void increment(String... labelValues) {
        add(1, labelValues);
    }

    /** The current count for these label values (0 if never touched). */
    public long get(String... labelValues) {
        LongAdder a = counters.get(List.of(labelValues));
        return a == null ? 0 : a.sum();
    }

    private LongAdder counter(String... labelValues) {
        List<String> key = List.of(labelValues);
        if (key.size() != labelNames.size()) {
            throw new IllegalArgumentException(name + " takes labels " + labelNames + ", got " + key);
        }
        return counters.computeIfAbsent(key, k -> new LongAdder());
    }

    @Override
    public void writeTo(StringBuilder out) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(" counter\n");
        for (Map.Entry<List<String>, LongAdder> e : counters.entrySet()) {
            out.append(name).append(new Labels(labelNames, e.getKey()).render()).append(' ')
                    .append(e.getValue().sum()).append('\n');
        }
    }
}
