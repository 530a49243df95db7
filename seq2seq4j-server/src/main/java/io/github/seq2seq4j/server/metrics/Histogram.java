package io.github.seq2seq4j.server.metrics;

import java.util.Arrays;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * A histogram with fixed upper bounds, safe to update from many threads. Observations are counted
 * in the first bucket whose upper bound is at least the value (Prometheus' {@code le}); the
 * cumulative counts are formed when read.
 */
public final class Histogram {
    private final double[] bounds;
    private final LongAdder[] buckets; // one per bound, plus +Inf
    private final DoubleAdder sum = new DoubleAdder();
    private final LongAdder count = new LongAdder();

    /** A histogram over strictly increasing, finite upper bounds. */
    public Histogram(double... bounds) {
        if (bounds.length == 0) {
            throw new IllegalArgumentException("a histogram needs at least one bucket bound");
        }
        for (int i = 0; i < bounds.length; i++) {
            if (!Double.isFinite(bounds[i]) || (i > 0 && bounds[i] <= bounds[i - 1])) {
                throw new IllegalArgumentException("bucket bounds must be finite and increasing: " + Arrays.toString(bounds));
            }
        }
        this.bounds = bounds.clone();
        this.buckets = new LongAdder[bounds.length + 1];
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = new LongAdder();
        }
    }

    /** Records one value. */
    public void observe(double value) {
        int i = 0;
        while (i < bounds.length && value > bounds[i]) {
            i++;
        }
        buckets[i].increment();
        sum.add(value);
        count.increment();
    }

    /** The upper bounds, without +Inf. */
    public double[] bounds() {
        return bounds.clone();
    }

    /** Cumulative counts: element i counts values ≤ bounds[i]; the last element counts all (+Inf). */
    public long[] cumulativeCounts() {
        long[] out = new long[buckets.length];
        long running = 0;
        for (int i = 0; i < buckets.length; i++) {
            running += buckets[i].sum();
            out[i] = running;
        }
        return out;
    }

    public double sum() {
        return sum.sum();
    }

    public long count() {
        return count.sum();
    }
}
