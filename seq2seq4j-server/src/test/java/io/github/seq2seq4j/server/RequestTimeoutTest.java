package io.github.seq2seq4j.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.seq2seq4j.server.api.Limits;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A request past the time limit is cancelled with 503; the server goes on serving. */
class RequestTimeoutTest {
    @Test
    void aStuckRequestTimesOutItsQueuedSentencesAreDroppedAndLaterRequestsSucceed() throws Exception {
        GatedDecoder decoder = new GatedDecoder();
        ServerConfig config = TestServers.config()
                .withLimits(Limits.DEFAULT.withRequestTimeout(Duration.ofMillis(200)))
                .withBatching(new io.github.seq2seq4j.server.batch.BatchPolicy(32, Duration.ZERO, 1, 4096, 1000));
        try (TranslationServer server = TestServers.start(config, decoder)) {
            Http http = new Http(server.baseUri());
            // "first" reaches the decoder, which holds it: the request times out.
            Http.Reply first = http.post("/v1/translate", "{\"inputs\": [\"first\"], \"beam\": 2}");
            TranslateErrorsTest.assertError(first, 503, "timeout", "longer than the 200 ms limit");
            assertEquals("request_timeout_ms", first.error().get("limit").asText());
            assertEquals("1", first.header("Retry-After"));
            decoder.awaitBatch();
            // "second" waits in the queue behind it and times out too; its sentence is dropped.
            TranslateErrorsTest.assertError(http.post("/v1/translate", "{\"inputs\": [\"second\"], \"beam\": 2}"),
                    503, "timeout", "was cancelled");
            decoder.open();
            Http.Reply third = http.post("/v1/translate", "{\"inputs\": [\"third\"], \"beam\": 2}");
            assertEquals(200, third.status(), third.body());
            assertEquals(List.of(List.of("first"), List.of("third")), decoder.batches());
            assertEquals(2, server.metrics().errors().get("/v1/translate", "timeout"));
            assertEquals(200, http.get("/health").status());
        }
    }

    @Test
    void aRealDecodeOverATinyLimitGets503AndTheServerStillAnswers() {
        ServerConfig config = TestServers.config().withLimits(Limits.DEFAULT.withRequestTimeout(Duration.ofMillis(1)));
        try (TranslationServer server = TestServers.start(config)) {
            Http http = new Http(server.baseUri());
            String inputs = Http.json(List.of("mississippi river", "helloworldxy", "sequence to sequence", "quick fox"));
            Http.Reply r = http.post("/v1/translate", "{\"inputs\": " + inputs + ", \"beam\": 8, \"attention\": true}");
            TranslateErrorsTest.assertError(r, 503, "timeout", "1 ms limit");
            assertEquals(200, http.get("/health").status());
            assertEquals(200, http.get("/v1/models").status());
            assertEquals(1, server.metrics().errors().get("/v1/translate", "timeout"));
        }
    }
}
