package io.github.seq2seq4j.server.http;

import io.github.seq2seq4j.server.api.ApiJson;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;

/**
 * {@code GET /health}: 200 with {@code {"status": "ok", ...}} while the server takes requests
 * (once it drains, the request gate answers 503 instead).
 */
public final class HealthHandler implements Handler {
    private final List<String> models;
    private final long startNanos = System.nanoTime();

    public HealthHandler(List<String> models) {
        this.models = List.copyOf(models);
    }

    /** The health body. */
    public record Health(String status, List<String> models, double uptimeSeconds) {}

    @Override
    public void handle(Context ctx) {
        double uptime = Math.round((System.nanoTime() - startNanos) / 1e6) / 1e3;
        ctx.contentType(ErrorResponses.JSON).result(ApiJson.write(new Health("ok", models, uptime)));
    }
}
