package io.github.seq2seq4j.server.http;

import io.github.seq2seq4j.server.metrics.ServerMetrics;
import io.javalin.http.Context;
import io.javalin.http.Handler;

/** {@code GET /metrics}: the Prometheus text exposition format, version 0.0.4. */
public final class MetricsHandler implements Handler {
    /** The content type Prometheus expects for the text format. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final ServerMetrics metrics;

    public MetricsHandler(ServerMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void handle(Context ctx) {
        ctx.contentType(CONTENT_TYPE).result(metrics.render());
    }
}
