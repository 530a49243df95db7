package io.github.seq2seq4j.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.seq2seq4j.Seq2SeqModel;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /v1/models}, {@code /health}, {@code /metrics} and the page's static files. */
class InfoRoutesTest {
    private static TranslationServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        server = TestServers.start();
        http = new Http(server.baseUri());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void modelsListsEveryModelWithItsConfigAndParameterCount() {
        Http.Reply r = http.get("/v1/models");
        assertEquals(200, r.status());
        assertEquals("application/json", r.header("Content-Type"));
        JsonNode models = r.json().get("models");
        assertEquals(2, models.size());
        JsonNode first = models.get(0);
        Seq2SeqModel m = Fixtures.load(Fixtures.CHAR_MODEL);
        assertEquals(Fixtures.CHAR_MODEL, first.get("name").asText());
        assertTrue(first.get("default").asBoolean());
        assertEquals(m.parameterCount(), first.get("parameters").asLong());
        assertEquals(m.sourceVocabulary().size(), first.get("source_vocab_size").asInt());
        assertEquals(m.targetVocabulary().size(), first.get("target_vocab_size").asInt());
        JsonNode config = first.get("config");
        assertEquals("gru", config.get("cell").asText());
        assertEquals("bahdanau", config.get("attention").asText());
        assertEquals(8, config.get("hidden_size").asInt());
        assertTrue(config.get("bidirectional").asBoolean());
        assertEquals("char", config.get("tokenizer").asText());
        JsonNode second = models.get(1);
        assertEquals(Fixtures.WORD_MODEL, second.get("name").asText());
        assertEquals(false, second.get("default").asBoolean());
        assertEquals("whitespace", second.get("config").get("tokenizer").asText());
    }

    @Test
    void healthIsOkWithTheModelNames() {
        Http.Reply r = http.get("/health");
        assertEquals(200, r.status());
        assertEquals("ok", r.json().get("status").asText());
        assertEquals(Fixtures.CHAR_MODEL, r.json().get("models").get(0).asText());
        assertTrue(r.json().get("uptime_seconds").asDouble() >= 0);
    }

    @Test
    void metricsCountRequestsErrorsSentencesAndBatches() throws Exception {
        long before = counter("seq2seq4j_sentences_translated_total{model=\"" + Fixtures.CHAR_MODEL + "\"}");
        assertEquals(200, http.post("/v1/translate", "{\"inputs\": [\"a\", \"b\", \"c\"], \"beam\": 2}").status());
        assertEquals(400, http.post("/v1/translate", "{\"inputs\": []}").status());
        assertEquals(404, http.get("/wp-admin").status());
        Http.Reply r = http.get("/metrics");
        assertEquals(200, r.status());
        assertEquals("text/plain;version=0.0.4;charset=utf-8", r.header("Content-Type").replace(" ", ""));
        String text = r.body();
        assertEquals(before + 3, counter("seq2seq4j_sentences_translated_total{model=\"" + Fixtures.CHAR_MODEL + "\"}"));
        assertTrue(value(text, "seq2seq4j_http_requests_total{route=\"/v1/translate\",method=\"POST\",status=\"200\"}") >= 1);
        assertTrue(value(text, "seq2seq4j_http_requests_total{route=\"/v1/translate\",method=\"POST\",status=\"400\"}") >= 1);
        assertTrue(value(text, "seq2seq4j_http_errors_total{route=\"/v1/translate\",code=\"bad_request\"}") >= 1);
        assertTrue(value(text, "seq2seq4j_http_requests_total{route=\"other\",method=\"GET\",status=\"404\"}") >= 1);
        assertTrue(value(text, "seq2seq4j_http_request_duration_seconds_count{route=\"/v1/translate\"}") >= 2);
        assertTrue(value(text, "seq2seq4j_decode_batch_size_count{model=\"" + Fixtures.CHAR_MODEL + "\"}") >= 1);
        assertTrue(text.contains("# TYPE seq2seq4j_http_request_duration_seconds histogram"));
        assertTrue(text.contains("# TYPE seq2seq4j_decode_queued_sentences gauge"));
        assertTrue(text.contains("seq2seq4j_http_requests_in_flight "));
    }

    @Test
    void pageScriptAndStyleAreServedWithTheirTypesAndAStrictPolicy() {
        Http.Reply page = http.get("/");
        assertEquals(200, page.status());
        assertEquals("text/html;charset=utf-8", page.header("Content-Type").replace(" ", ""));
        assertTrue(page.body().contains("<script src=\"/app.js\" defer></script>"));
        assertTrue(page.body().contains("id=\"heatmap\""));
        assertTrue(page.header("Content-Security-Policy").startsWith("default-src 'self'"));
        assertEquals("nosniff", page.header("X-Content-Type-Options"));
        Http.Reply js = http.get("/app.js");
        assertEquals("text/javascript;charset=utf-8", js.header("Content-Type").replace(" ", ""));
        assertTrue(js.body().contains("/v1/translate"));
        Http.Reply css = http.get("/style.css");
        assertEquals("text/css;charset=utf-8", css.header("Content-Type").replace(" ", ""));
        assertTrue(css.body().contains("#heatmap"));
    }

    private static long counter(String series) {
        return (long) value(http.get("/metrics").body(), series);
    }

    /** The value of one series in exposition text (0 when absent). */
    static double value(String text, String series) {
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
