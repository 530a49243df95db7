package io.github.seq2seq4j.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.seq2seq4j.Seq2SeqModel;
import io.github.seq2seq4j.Translation;
import io.github.seq2seq4j.decode.DecodeOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST /v1/translate} on the fixture models: the answers the reference and the core give. */
class TranslateApiTest {
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
    void beamFiveMatchesThePyTorchReferenceForEverySource() {
        List<String> sources = Fixtures.lines("models/src.txt");
        List<String> golden = Fixtures.lines("models/gru-bahdanau-bi.beam5.txt");
        Http.Reply r = http.post("/v1/translate", Http.json(Map.of("inputs", sources, "beam", 5, "alpha", 1.0)));
        assertEquals(200, r.status(), r.body());
        assertEquals("application/json", r.header("Content-Type"));
        JsonNode results = r.json().get("results");
        assertEquals(sources.size(), results.size());
        for (int i = 0; i < sources.size(); i++) {
            String[] ref = golden.get(i).split("\t");
            JsonNode best = results.get(i).get("translations").get(0);
            assertEquals(sources.get(i), results.get(i).get("input").asText());
            assertEquals(ref[0], best.get("text").asText(), "source " + i + " '" + sources.get(i) + "'");
            assertEquals(Double.parseDouble(ref[1]), best.get("score").asDouble(), 1e-4, "score of source " + i);
        }
    }

    @Test
    void defaultModelAndOptionsAreBeamFiveOneBestWithoutAttention() {
        Http.Reply r = http.post("/v1/translate", "{\"inputs\": [\"cat\"]}");
        assertEquals(200, r.status(), r.body());
        JsonNode body = r.json();
        assertEquals(Fixtures.CHAR_MODEL, body.get("model").asText());
        JsonNode result = body.get("results").get(0);
        assertEquals(List.of("c", "a", "t"), strings(result.get("source_tokens")));
        assertEquals(1, result.get("translations").size());
        JsonNode t = result.get("translations").get(0);
        assertFalse(t.has("attention"));
        Translation expected = direct(Fixtures.CHAR_MODEL, "cat", DecodeOptions.beam(5, 1.0)).get(0);
        assertEquals(expected.text(), t.get("text").asText());
        assertEquals(expected.tokens(), strings(t.get("tokens")));
        assertEquals(expected.score(), t.get("score").asDouble(), 1e-9);
        assertEquals(expected.normalizedScore(), t.get("normalized_score").asDouble(), 1e-9);
        assertEquals(expected.finished(), t.get("finished").asBoolean());
    }

    @Test
    void nbestReturnsThatManyHypothesesRankedByNormalizedScore() {
        Http.Reply r = http.post("/v1/translate", "{\"inputs\": [\"hello\"], \"beam\": 4, \"nbest\": 3, \"alpha\": 0.6}");
        assertEquals(200, r.status(), r.body());
        JsonNode ts = r.json().get("results").get(0).get("translations");
        assertEquals(3, ts.size());
        List<Translation> expected = direct(Fixtures.CHAR_MODEL, "hello", DecodeOptions.beam(4, 0.6).withNbest(3));
        for (int i = 0; i < 3; i++) {
            assertEquals(expected.get(i).text(), ts.get(i).get("text").asText());
            if (i > 0) {
                assertTrue(ts.get(i - 1).get("normalized_score").asDouble() >= ts.get(i).get("normalized_score").asDouble());
            }
        }
    }

    @Test
    void greedyBeamOneEqualsTheModelsGreedyTranslation() {
        Http.Reply r = http.post("/v1/translate", "{\"inputs\": [\"summer\", \"q\"], \"beam\": 1}");
        assertEquals(200, r.status(), r.body());
        Seq2SeqModel model = Fixtures.load(Fixtures.CHAR_MODEL);
        JsonNode results = r.json().get("results");
        assertEquals(model.translate("summer"), results.get(0).get("translations").get(0).get("text").asText());
        assertEquals(model.translate("q"), results.get(1).get("translations").get(0).get("text").asText());
    }

    @Test
    void attentionHasOneRowPerOutputStepAndOneColumnPerSourceToken() {
        Http.Reply r = http.post("/v1/translate", "{\"inputs\": [\"dogs\"], \"beam\": 3, \"attention\": true}");
        assertEquals(200, r.status(), r.body());
        JsonNode t = r.json().get("results").get(0).get("translations").get(0);
        JsonNode a = t.get("attention");
        assertEquals(List.of("d", "o", "g", "s"), strings(a.get("source_tokens")));
        List<String> rows = strings(a.get("output_tokens"));
        List<String> tokens = strings(t.get("tokens"));
        List<String> expectedRows = new ArrayList<>(tokens);
        if (t.get("finished").asBoolean()) {
            expectedRows.add("</s>");
        }
        assertEquals(expectedRows, rows);
        JsonNode weights = a.get("weights");
        assertEquals(rows.size(), weights.size());
        for (JsonNode row : weights) {
            assertEquals(4, row.size());
            double sum = 0;
            for (JsonNode w : row) {
                assertTrue(w.asDouble() >= 0);
                sum += w.asDouble();
            }
            assertEquals(1.0, sum, 1e-4);
        }
    }

    @Test
    void secondModelIsChosenByNameAndUsesItsWhitespaceTokenizer() {
        Http.Reply r = http.post("/v1/translate",
                "{\"model\": \"" + Fixtures.WORD_MODEL + "\", \"inputs\": [\"the cat sat\"], \"beam\": 2}");
        assertEquals(200, r.status(), r.body());
        JsonNode result = r.json().get("results").get(0);
        assertEquals(Fixtures.WORD_MODEL, r.json().get("model").asText());
        assertEquals(List.of("the", "cat", "sat"), strings(result.get("source_tokens")));
        Translation expected = direct(Fixtures.WORD_MODEL, "the cat sat", DecodeOptions.beam(2, 1.0)).get(0);
        assertEquals(expected.text(), result.get("translations").get(0).get("text").asText());
    }

    @Test
    void emptyAndUnicodeInputsAreTranslated() {
        Http.Reply r = http.post("/v1/translate", "{\"inputs\": [\"\", \"naïve\", \"日本\"], \"beam\": 2}");
        assertEquals(200, r.status(), r.body());
        JsonNode results = r.json().get("results");
        assertEquals("", results.get(0).get("translations").get(0).get("text").asText());
        assertEquals(0, results.get(0).get("source_tokens").size());
        assertEquals("naïve", results.get(1).get("input").asText());
        assertEquals(5, results.get(1).get("source_tokens").size());
        assertEquals("日本", results.get(2).get("input").asText());
    }

    @Test
    void explicitNullsTakeTheDefaults() {
        Http.Reply r = http.post("/v1/translate",
                "{\"model\": null, \"inputs\": [\"ab\"], \"beam\": null, \"nbest\": null, \"alpha\": null,"
                        + " \"attention\": null}");
        assertEquals(200, r.status(), r.body());
        assertEquals(Fixtures.CHAR_MODEL, r.json().get("model").asText());
        assertEquals(direct(Fixtures.CHAR_MODEL, "ab", DecodeOptions.beam(5, 1.0)).get(0).text(),
                r.json().get("results").get(0).get("translations").get(0).get("text").asText());
    }

    static List<Translation> direct(String model, String source, DecodeOptions options) {
        return Fixtures.load(model).nbest(List.of(source), options).get(0);
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
