package io.github.seq2seq4j.server.http;

import io.github.seq2seq4j.server.api.ApiException;
import io.github.seq2seq4j.server.api.ApiJson;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpResponseException;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Javalin and Jetty settings every server shares: address, thread pool, the request gate, and
 * JSON answers for every error (unknown route, wrong method, Jetty's own errors, anything thrown).
 * Routes are added by the caller.
 */
public final class ServerSetup {
    private static final Logger LOG = LoggerFactory.getLogger(ServerSetup.class);

    private ServerSetup() {}

    /** Applies the shared settings to a Javalin configuration. */
    public static void configure(JavalinConfig cfg, String host, int port, long maxBodyBytes, QueuedThreadPool pool,
                                 RequestGate gate, ErrorResponses errors) {
        cfg.startup.showJavalinBanner = false;
        cfg.startup.showOldJavalinVersionWarning = false;
        cfg.startup.startupWatcherEnabled = false;
        cfg.http.maxRequestSize = maxBodyBytes;
        cfg.http.prefer405over404 = true;
        cfg.jetty.host = host;
        cfg.jetty.port = port;
        cfg.jetty.threadPool = pool;
        cfg.jetty.modifyServer(server -> {
            server.setErrorHandler(new JsonErrorHandler());
            // No graceful phase in Jetty: TranslationServer.close() drains requests itself (Javalin
            // has written and closed every response by the time the request gate counts it done),
            // so stopping only has idle keep-alive connections left to close.
            server.setStopTimeout(0);
        });
        cfg.jetty.modifyServletContextHandler(context -> {
            context.addFilter(new FilterHolder(gate), "/*", EnumSet.of(DispatcherType.REQUEST));
            context.setErrorHandler(new JsonErrorHandler());
        });
        cfg.routes.error(404, ctx -> errors.write(ctx, new ApiException(404, "not_found",
                "no route " + ctx.method() + " " + shorten(ctx.path()) + " (see GET / for the page and /v1/* for the API)",
                null)));
        cfg.routes.error(405, ctx -> errors.write(ctx, new ApiException(405, "method_not_allowed",
                ctx.method() + " is not allowed on " + shorten(ctx.path()), null)));
        cfg.routes.exception(ApiException.class, (e, ctx) -> errors.write(ctx, e));
        cfg.routes.exception(HttpResponseException.class, (e, ctx) -> errors.write(ctx,
                new ApiException(e.getStatus(), "http_error", e.getMessage(), null)));
        cfg.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
            errors.write(ctx, ApiException.internal("unexpected server error (" + e.getClass().getSimpleName()
                    + "); the server log has the details"));
        });
        cfg.router.javaLangErrorHandler((res, error) -> {
            LOG.error("fatal error while serving a request", error);
            res.setStatus(500);
            res.setContentType(ErrorResponses.JSON);
            try {
                res.getOutputStream().write(ApiJson.write(ApiException.internal("unexpected server error").body()));
            } catch (java.io.IOException ignored) {
                // the client is gone
            }
        });
    }

    private static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }
}
