package io.github.seq2seq4j.server.http;

import io.github.seq2seq4j.server.api.ApiException;
import io.github.seq2seq4j.server.api.ApiJson;
import io.github.seq2seq4j.server.metrics.ServerMetrics;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The servlet filter in front of every route. It refuses requests with 503 once the server drains,
 * counts the others in flight until their response is complete (asynchronous ones included), and
 * records each request's route, method, status and latency.
 */
public final class RequestGate implements Filter {
    private static final Set<String> METHODS = Set.of("GET", "POST", "HEAD", "PUT", "DELETE", "OPTIONS", "PATCH");

    private final DrainGate gate;
    private final ServerMetrics metrics;

    public RequestGate(DrainGate gate, ServerMetrics metrics) {
        this.gate = gate;
        this.metrics = metrics;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        long start = System.nanoTime();
        String route = Routes.label(request.getRequestURI());
        String method = METHODS.contains(request.getMethod()) ? request.getMethod() : "other";
        if (!gate.enter()) {
            refuse(response, route);
            metrics.recordRequest(route, method, response.getStatus(), seconds(start));
            return;
        }
        Finish finish = new Finish(route, method, start);
        boolean async = false;
        try {
            chain.doFilter(req, res);
            if (request.isAsyncStarted()) {
                request.getAsyncContext().addListener(finish);
                async = true;
            }
        } finally {
            if (!async) {
                finish.run(response.getStatus());
            }
        }
    }

    private void refuse(HttpServletResponse response, String route) throws IOException {
        ApiException e = ApiException.shuttingDown();
        metrics.recordError(route, e.code());
        response.setStatus(e.status());
        response.setHeader("Connection", "close");
        response.setContentType(ErrorResponses.JSON);
        response.getOutputStream().write(ApiJson.write(e.body()));
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Ends one counted request exactly once, when its response is complete. */
    private final class Finish implements AsyncListener {
        private final String route;
        private final String method;
        private final long start;
        private final AtomicBoolean done = new AtomicBoolean();

        Finish(String route, String method, long start) {
            this.route = route;
            this.method = method;
            this.start = start;
        }

        void run(int status) {
            if (done.compareAndSet(false, true)) {
                metrics.recordRequest(route, method, status, seconds(start));
                gate.exit();
            }
        }

        @Override
        public void onComplete(AsyncEvent event) {
            run(((HttpServletResponse) event.getSuppliedResponse()).getStatus());
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            // Javalin answers the timeout; onComplete follows.
        }

        @Override
        public void onError(AsyncEvent event) {
            run(((HttpServletResponse) event.getSuppliedResponse()).getStatus());
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            event.getAsyncContext().addListener(this);
        }
    }
}
