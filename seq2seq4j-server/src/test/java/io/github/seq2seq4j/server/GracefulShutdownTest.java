package io.github.seq2seq4j.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.seq2seq4j.server.batch.BatchPolicy;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link TranslationServer#close()}: requests in flight (decoding or queued) finish with their
 * translations, new requests get 503 while they do, and then the port is closed.
 */
class GracefulShutdownTest {
    @Test
    void inFlightRequestsFinishNewOnesAreRefusedThenThePortCloses() throws Exception {
        GatedDecoder decoder = new GatedDecoder();
        ServerConfig config = TestServers.config().withBatching(new BatchPolicy(32, Duration.ZERO, 1, 4096, 1000));
        TranslationServer server = TestServers.start(config, decoder);
        int port = server.port();
        Http http = new Http(server.baseUri());
        ExecutorService clients = Executors.newCachedThreadPool();
        try {
            CompletableFuture<Http.Reply> decoding = CompletableFuture.supplyAsync(
                    () -> http.post("/v1/translate", "{\"inputs\": [\"cat\"], \"beam\": 2}"), clients);
            decoder.awaitBatch(); // "cat" is being decoded (held by the gate)
            CompletableFuture<Http.Reply> queued = CompletableFuture.supplyAsync(
                    () -> http.post("/v1/translate", "{\"inputs\": [\"dogs\"], \"beam\": 2}"), clients);
            waitFor(() -> server.inFlight() == 2);

            CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close, clients);
            Http.Reply refused = waitForRefusal(http);
            TranslateErrorsTest.assertError(refused, 503, "shutting_down", "shutting down");
            assertFalse(closing.isDone(), "close() waits for the requests in flight");
            assertFalse(decoding.isDone());

            decoder.open();
            Http.Reply first = decoding.get(30, TimeUnit.SECONDS);
            Http.Reply second = queued.get(30, TimeUnit.SECONDS);
            assertEquals(200, first.status(), first.body());
            assertEquals(200, second.status(), second.body());
            assertEquals("cat", first.json().get("results").get(0).get("input").asText());
            assertEquals("dogs", second.json().get("results").get(0).get("input").asText());
            closing.get(30, TimeUnit.SECONDS);

            assertThrows(ConnectException.class, () -> {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
                }
            });
        } finally {
            decoder.open();
            server.close();
            clients.shutdownNow();
        }
    }

    @Test
    void closeIsIdempotentAndQuickWhenIdle() {
        TranslationServer server = TestServers.start();
        long start = System.nanoTime();
        server.close();
        server.close();
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(8), "an idle server stops at once");
    }

    /** Polls /health until the server answers 503 (it has started draining). */
    private static Http.Reply waitForRefusal(Http http) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Http.Reply r = http.get("/health");
            if (r.status() == 503) {
                return r;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the server never started refusing requests");
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached in 10 s");
            }
            Thread.sleep(10);
        }
    }
}
