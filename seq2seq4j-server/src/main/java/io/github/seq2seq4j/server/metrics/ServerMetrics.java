package io.github.seq2seq4j.server.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * Everything {@code GET /metrics} reports: HTTP requests by route, method and status; errors by
 * route and code; request latency; requests in flight; sentences translated and decoding batch
 * sizes and times per model; sentences waiting to be decoded.
 */
public final class ServerMetrics {
    /** Request latency buckets in seconds, 1 ms to 60 s. */
    static final double[] LATENCY_BUCKETS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60};
    /** Decoding batch sizes: powers of two up to 256. */
    static final double[] BATCH_BUCKETS = {1, 2, 4, 8, 16, 32, 64, 128, 256};

    private final CounterFamily requests = new CounterFamily("seq2seq4j_http_requests_total",
            "HTTP requests answered, by route, method and status code.", "route", "method", "status");
    private final CounterFamily errors = new CounterFamily("seq2seq4j_http_errors_total",
            "Requests answered with a JSON error, by route and error code.", "route", "code");
    private final HistogramFamily latency = new HistogramFamily("seq2seq4j_http_request_duration_seconds",
            "Time from receiving a request to finishing its response, by route.", LATENCY_BUCKETS, "route");
    private final CounterFamily sentences = new CounterFamily("seq2seq4j_sentences_translated_total",
            "Input sentences decoded, by model.", "model");
    private final HistogramFamily batchSizes = new HistogramFamily("seq2seq4j_decode_batch_size",
            "Sentences per decoding batch (grouped across requests), by model.", BATCH_BUCKETS, "model");
    private final HistogramFamily batchSeconds = new HistogramFamily("seq2seq4j_decode_batch_duration_seconds",
            "Time to decode one batch, by model.", LATENCY_BUCKETS, "model");
    private final List<MetricFamily> gauges = new ArrayList<>();

    /** Counts one answered request and its latency. */
    public void recordRequest(String route, String method, int status, double seconds) {
        requests.increment(route, method, Integer.toString(status));
        latency.observe(seconds, route);
    }

    /** Counts one error response. */
    public void recordError(String route, String code) {
        errors.increment(route, code);
    }

    /** Counts one decoded batch of {@code size} sentences that took {@code seconds}. */
    public void recordBatch(String model, int size, double seconds) {
        sentences.add(size, model);
        batchSizes.observe(size, model);
        batchSeconds.observe(seconds, model);
    }

    /** Adds a gauge read at every scrape; call before the server starts. */
    public synchronized void addGauge(String name, String help, DoubleSupplier value) {
        gauges.add(new GaugeFamily(name, help, value));
    }

    public CounterFamily requests() {
        return requests;
    }

    public CounterFamily errors() {
        return errors;
    }

    public CounterFamily sentences() {
        return sentences;
    }

    public HistogramFamily batchSizes() {
        return batchSizes;
    }

    /** All families in the Prometheus text exposition format (version 0.0.4). */
    public synchronized String render() {
        StringBuilder out = new StringBuilder(4096);
        for (MetricFamily f : List.of(requests, errors, latency, sentences, batchSizes, batchSeconds)) {
            f.writeTo(out);
        }
        for (MetricFamily g : gauges) {
            g.writeTo(out);
        }
        return out.toString();
    }
}
