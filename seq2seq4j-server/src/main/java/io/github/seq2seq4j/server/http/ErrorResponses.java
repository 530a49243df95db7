package io.github.seq2seq4j.server.http;

import io.github.seq2seq4j.server.api.ApiException;
import io.github.seq2seq4j.server.api.ApiJson;
import io.github.seq2seq4j.server.metrics.ServerMetrics;
import io.javalin.http.Context;

/** Writes an {@link ApiException} as the response's JSON error and counts it. */
public final class ErrorResponses {
    /** The content type of every JSON body. */
    public static final String JSON = "application/json";

    private final ServerMetrics metrics;

    public ErrorResponses(ServerMetrics metrics) {
        this.metrics = metrics;
    }

    public void write(Context ctx, ApiException e) {
        metrics.recordError(Routes.label(ctx.path()), e.code());
        ctx.status(e.status()).contentType(JSON).result(ApiJson.write(e.body()));
        if (e.code().equals("overloaded") || e.code().equals("timeout")) {
            ctx.header("Retry-After", "1");
        }
    }
}
