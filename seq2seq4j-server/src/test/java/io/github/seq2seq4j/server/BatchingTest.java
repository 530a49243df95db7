package io.github.seq2seq4j.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.seq2seq4j.Translation;
import io.github.seq2seq4j.decode.DecodeOptions;
import io.github.seq2seq4j.server.batch.BatchPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Concurrent requests end up in shared decoding batches, and each still gets exactly the
 * translation it would get alone.
 */
class BatchingTest {
    @Test
    void concurrentRequestsShareABatchAndGetTheirOwnTranslations() throws Exception {
        GatedDecoder decoder = new GatedDecoder();
        ServerConfig config = TestServers.config().withBatching(new BatchPolicy(32, Duration.ZERO, 1, 4096, 1000));
        List<String> words = Fixtures.lines("models/src.txt").subList(0, 12);
        ExecutorService clients = Executors.newFixedThreadPool(words.size() + 1);
        try (TranslationServer server = TestServers.start(config, decoder)) {
            Http http = new Http(server.baseUri());
            // The first request holds the only decoding thread; the others queue up behind it.
            CompletableFuture<Http.Reply> holder = CompletableFuture.supplyAsync(
                    () -> http.post("/v1/translate", "{\"inputs\": [\"hold\"], \"beam\": 3}"), clients);
            decoder.awaitBatch();
            List<CompletableFuture<Http.Reply>> replies = new ArrayList<>();
            for (String w : words) {
                replies.add(CompletableFuture.supplyAsync(
                        () -> http.post("/v1/translate", "{\"inputs\": [" + Http.json(w) + "], \"beam\": 3}"), clients));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (server.inFlight() < words.size() + 1 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            decoder.open();
            assertEquals(200, holder.get(30, TimeUnit.SECONDS).status());
            for (int i = 0; i < words.size(); i++) {
                Http.Reply r = replies.get(i).get(30, TimeUnit.SECONDS);
                assertEquals(200, r.status(), r.body());
                JsonNode best = r.json().get("results").get(0).get("translations").get(0);
                Translation alone = Fixtures.load(Fixtures.CHAR_MODEL)
                        .nbest(List.of(words.get(i)), DecodeOptions.beam(3, 1.0)).get(0).get(0);
                assertEquals(alone.text(), best.get("text").asText(), words.get(i));
                assertEquals(alone.score(), best.get("score").asDouble(), 1e-4, words.get(i));
            }
            List<List<String>> batches = decoder.batches();
            assertEquals(List.of("hold"), batches.get(0));
            assertEquals(2, batches.size(), "all queued requests decoded in one batch: " + batches);
            assertEquals(words.size(), batches.get(1).size());
            assertTrue(batches.get(1).containsAll(words));
            assertEquals(2, server.metrics().batchSizes().histogram(Fixtures.CHAR_MODEL).count());
        } finally {
            clients.shutdownNow();
        }
    }
}
