package io.github.seq2seq4j.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.seq2seq4j.server.http.Routes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/openapi.yaml describes exactly what the server does: the same paths, the same request
 * fields, and real responses (successes and errors) that validate against the documented schemas
 * with no undocumented field.
 */
class OpenApiContractTest {
    private static final Path SPEC = Path.of("..", "docs", "openapi.yaml");

    private static JsonNode spec;
    private static TranslationServer server;
    private static Http http;

    @BeforeAll
    static void start() throws IOException {
        spec = new ObjectMapper(new YAMLFactory()).readTree(SPEC.toFile());
        server = TestServers.start();
        http = new Http(server.baseUri());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void documentsExactlyTheServersPaths() {
        Set<String> documented = new TreeSet<>();
        spec.get("paths").fieldNames().forEachRemaining(documented::add);
        assertEquals(new TreeSet<>(Set.of(Routes.PAGE, Routes.SCRIPT, Routes.STYLE, Routes.HEALTH, Routes.METRICS,
                Routes.MODELS, Routes.TRANSLATE)), documented);
    }

    @Test
    void documentsExactlyTheRequestFields() {
        Set<String> documented = new TreeSet<>();
        spec.at("/components/schemas/TranslateRequest/properties").fieldNames().forEachRemaining(documented::add);
        assertEquals(new TreeSet<>(Set.of("model", "inputs", "beam", "nbest", "alpha", "attention")), documented);
        Http.Reply r = http.post("/v1/translate", "{\"inputs\": [\"a\"], \"bogus\": 1}");
        assertTrue(r.error().get("message").asText().contains("(the fields are: model, inputs, beam, nbest, alpha,"
                + " attention)"), r.body());
    }

    @Test
    void translateResponsesMatchTheSchema() {
        valid("TranslateResponse", http.post("/v1/translate",
                "{\"inputs\": [\"hello\", \"\"], \"beam\": 3, \"nbest\": 2, \"attention\": true}"));
        valid("TranslateResponse", http.post("/v1/translate", "{\"model\": \"" + Fixtures.WORD_MODEL
                + "\", \"inputs\": [\"the cat\"], \"beam\": 1}"));
        JsonNode documentedRequest = spec.at("/paths/~1v1~1translate/post/requestBody/content/application~1json/example");
        assertTrue(SchemaCheck.check(spec, "#/components/schemas/TranslateRequest", documentedRequest).isEmpty());
    }

    @Test
    void modelsAndHealthMatchTheSchema() {
        valid("ModelListing", http.get("/v1/models"));
        valid("Health", http.get("/health"));
    }

    @Test
    void errorsMatchTheSchemaAndUseDocumentedCodesLimitsAndStatuses() {
        JsonNode documented = spec.at("/paths/~1v1~1translate/post/responses");
        for (Http.Reply r : List.of(
                http.post("/v1/translate", "{"),
                http.post("/v1/translate", "{\"inputs\": [\"a\"], \"beam\": 99}"),
                http.post("/v1/translate", "{\"model\": \"x\", \"inputs\": [\"a\"]}"),
                http.post("/v1/translate", "{\"inputs\": [\"" + "x".repeat(1001) + "\"]}"),
                http.post("/v1/translate", "{\"inputs\": [\"" + "x".repeat(1 << 20) + "\"]}"))) {
            valid("Error", r);
            assertTrue(documented.has(Integer.toString(r.status())), "status " + r.status() + " documented");
        }
        valid("Error", http.get("/nowhere"));
        Http.Reply wrongMethod = http.get("/v1/translate");
        valid("Error", wrongMethod);
        assertEquals(405, wrongMethod.status());
    }

    private static void valid(String schema, Http.Reply r) {
        List<String> problems = SchemaCheck.check(spec, "#/components/schemas/" + schema, r.json());
        assertTrue(problems.isEmpty(), schema + ": " + problems + " in " + r.body());
    }
}
