package io.github.seq2seq4j.server.metrics;

/** One metric with its HELP and TYPE lines, written in the Prometheus text format. */
public interface MetricFamily {
    /** Appends the family's HELP, TYPE and sample lines, each ending in a newline. */
    void writeTo(StringBuilder out);
}
