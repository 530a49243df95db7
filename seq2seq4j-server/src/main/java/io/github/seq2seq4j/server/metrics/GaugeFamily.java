package io.github.seq2seq4j.server.metrics;

import java.util.function.DoubleSupplier;

/** A gauge without labels whose value is read from a supplier at scrape time. */
public final class GaugeFamily implements MetricFamily {
    private final String name;
    private final String help;
    private final DoubleSupplier value;

    public GaugeFamily(String name, String help, DoubleSupplier value) {
        this.name = name;
        this.help = help;
        this.value = value;
    }

    @Override
    public void writeTo(StringBuilder out) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(" gauge\n");
        out.append(name).append(' ').append(PrometheusNumbers.format(value.getAsDouble())).append('\n');
    }
}
