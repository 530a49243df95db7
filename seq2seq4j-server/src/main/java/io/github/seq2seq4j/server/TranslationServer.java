package io.github.seq2seq4j.server;

import io.github.seq2seq4j.InputException;
import io.github.seq2seq4j.server.batch.BatchDecoder;
import io.github.seq2seq4j.server.batch.DecodeScheduler;
import io.github.seq2seq4j.server.http.DrainGate;
import io.github.seq2seq4j.server.http.ErrorResponses;
import io.github.seq2seq4j.server.http.HealthHandler;
import io.github.seq2seq4j.server.http.MetricsHandler;
import io.github.seq2seq4j.server.http.ModelsHandler;
import io.github.seq2seq4j.server.http.RequestGate;
import io.github.seq2seq4j.server.http.Routes;
import io.github.seq2seq4j.server.http.ServerSetup;
import io.github.seq2seq4j.server.http.StaticAssets;
import io.github.seq2seq4j.server.http.TranslateHandler;
import io.github.seq2seq4j.server.metrics.ServerMetrics;
import io.javalin.Javalin;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running translation server: the HTTP routes on Javalin (Jetty 12), the decoding scheduler and
 * the metrics.
 *
 * <pre>{@code
 * try (TranslationServer s = TranslationServer.start(ServerConfig.defaults().withPort(0),
 *         ModelRegistry.load(List.of(ModelSpec.parse("models/g2p-en-cmudict"))))) {
 *     System.out.println(s.baseUri());
 * }
 * }</pre>
 *
 * <p>{@link #close()} shuts down gracefully: new requests are refused with 503, requests in flight
 * finish (up to the drain timeout), then the decoding threads and the listener stop.
 */
public final class TranslationServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TranslationServer.class);

    private final ServerConfig config;
    private final ServerMetrics metrics = new ServerMetrics();
    private final DrainGate gate = new DrainGate();
    private final DecodeScheduler scheduler;
    private final Javalin app;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CountDownLatch closed = new CountDownLatch(1);

    private TranslationServer(ServerConfig config, ModelRegistry models, BatchDecoder decoder) {
        this.config = config;
        this.scheduler = new DecodeScheduler(config.batching(), decoder,
                (model, size, nanos) -> metrics.recordBatch(model, size, nanos / 1e9));
        metrics.addGauge("seq2seq4j_http_requests_in_flight", "Requests received and not yet answered.", gate::inFlight);
        metrics.addGauge("seq2seq4j_decode_queued_sentences", "Sentences waiting for a decoding batch.",
                scheduler::queuedSentences);
        metrics.addGauge("seq2seq4j_decode_active_sentences", "Sentences in batches being decoded now.",
                scheduler::decodingSentences);
        QueuedThreadPool pool = new QueuedThreadPool(200, 8);
        pool.setName("seq2seq4j-http");
        ErrorResponses errors = new ErrorResponses(metrics);
        TranslateHandler translate = new TranslateHandler(models, config.limits(), scheduler, errors, pool);
        this.app = Javalin.create(cfg -> {
            ServerSetup.configure(cfg, config.host(), config.port(), config.limits().maxBodyBytes(), pool,
                    new RequestGate(gate, metrics), errors);
            cfg.routes.get(Routes.PAGE, StaticAssets.handler("index.html", "text/html; charset=utf-8"));
            cfg.routes.get(Routes.SCRIPT, StaticAssets.handler("app.js", "text/javascript; charset=utf-8"));
            cfg.routes.get(Routes.STYLE, StaticAssets.handler("style.css", "text/css; charset=utf-8"));
            cfg.routes.get(Routes.HEALTH, new HealthHandler(models.names()));
            cfg.routes.get(Routes.METRICS, new MetricsHandler(metrics));
            cfg.routes.get(Routes.MODELS, new ModelsHandler(models));
            cfg.routes.post(Routes.TRANSLATE, translate);
        });
        try {
            app.start();
        } catch (RuntimeException e) {
            scheduler.close(Duration.ofSeconds(1));
            app.stop();
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new InputException("cannot listen on " + config.host() + ":" + config.port() + ": " + why, e);
        }
    }

    /** Starts serving the models with their own decoders. */
    public static TranslationServer start(ServerConfig config, ModelRegistry models) {
        return start(config, models, (name, sources, options) ->
                models.find(name).orElseThrow().model().nbest(sources, options));
    }

    /** Starts serving with another decoder (tests use it to make decoding slow or failing on purpose). */
    public static TranslationServer start(ServerConfig config, ModelRegistry models, BatchDecoder decoder) {
        return new TranslationServer(config, models, decoder);
    }

    /** The bound port (the real one when the config asked for 0). */
    public int port() {
        return app.port();
    }

    /** {@code http://host:port/}. */
    public URI baseUri() {
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        return URI.create("http://" + host + ":" + port() + "/");
    }

    /** The counters and histograms {@code GET /metrics} shows. */
    public ServerMetrics metrics() {
        return metrics;
    }

    /** The configuration the server was started with. */
    public ServerConfig config() {
        return config;
    }

    /** Requests received and not yet answered. */
    public int inFlight() {
        return gate.inFlight();
    }

    /**
     * Graceful shutdown: refuses new requests (503), waits up to the drain timeout for those in
     * flight, then stops decoding and listening. Idempotent; concurrent callers all return once
     * the server is stopped.
     */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            awaitClosed();
            return;
        }
        try {
            if (!gate.drain(config.drainTimeout())) {
                LOG.warn("{} requests still in flight after {} ms; stopping anyway", gate.inFlight(),
                        config.drainTimeout().toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                scheduler.close(Duration.ofSeconds(5));
                app.stop();
            } catch (RuntimeException e) {
                LOG.warn("error while stopping the server", e);
            } finally {
                closed.countDown();
            }
        }
    }

    /** Blocks until {@link #close()} has finished. */
    public void awaitClosed() {
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
