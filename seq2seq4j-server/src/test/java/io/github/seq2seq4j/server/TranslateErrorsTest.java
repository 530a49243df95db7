package io.github.seq2seq4j.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.seq2seq4j.server.api.Limits;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way a translation request can be wrong gets a 4xx JSON error with a stable code, a message
 * naming the field or the limit, and no stack trace; the server keeps answering afterwards.
 */
class TranslateErrorsTest {
    /** Small limits so that each can be crossed cheaply. */
    static final Limits LIMITS = new Limits(4096, 4, 20, 6, 3, Duration.ofSeconds(30));

    private static TranslationServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        server = TestServers.start(TestServers.config().withLimits(LIMITS));
        http = new Http(server.baseUri());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                // name, body, status, code, limit (or null), message fragment
                Arguments.of("malformed JSON", "{\"inputs\": [\"a\"", 400, "bad_request", null, "not valid JSON"),
                Arguments.of("not JSON at all", "hello", 400, "bad_request", null, "not valid JSON"),
                Arguments.of("empty body", "", 400, "bad_request", null, "body is empty"),
                Arguments.of("trailing garbage", "{\"inputs\": [\"a\"]} x", 400, "bad_request", null, "not valid JSON"),
                Arguments.of("duplicate key", "{\"inputs\": [\"a\"], \"inputs\": [\"b\"]}", 400, "bad_request", null,
                        "Duplicate field 'inputs'"),
                Arguments.of("array body", "[\"a\"]", 400, "bad_request", null, "must be a JSON object, got an array"),
                Arguments.of("string body", "\"a\"", 400, "bad_request", null, "must be a JSON object, got a string"),
                Arguments.of("unknown field", "{\"inputs\": [\"a\"], \"beem\": 3}", 400, "bad_request", null,
                        "unknown field 'beem'"),
                Arguments.of("missing inputs", "{\"beam\": 2}", 400, "bad_request", null, "missing field 'inputs'"),
                Arguments.of("inputs not an array", "{\"inputs\": \"a\"}", 400, "bad_request", null,
                        "'inputs' must be an array of strings, got a string"),
                Arguments.of("inputs null", "{\"inputs\": null}", 400, "bad_request", null,
                        "'inputs' must be an array of strings, got null"),
                Arguments.of("input not a string", "{\"inputs\": [\"a\", 7]}", 400, "bad_request", null,
                        "inputs[1] must be a string, got the number 7"),
                Arguments.of("empty inputs", "{\"inputs\": []}", 400, "bad_request", null, "'inputs' is empty"),
                Arguments.of("unknown model", "{\"model\": \"nope\", \"inputs\": [\"a\"]}", 400, "unknown_model", null,
                        "unknown model 'nope'; this server has: gru-bahdanau-bi, x-gru-luong_general-bi-whitespace"),
                Arguments.of("model not a string", "{\"model\": 1, \"inputs\": [\"a\"]}", 400, "bad_request", null,
                        "'model' must be a string"),
                Arguments.of("beam as string", "{\"inputs\": [\"a\"], \"beam\": \"5\"}", 400, "bad_request", null,
                        "'beam' must be an integer, got a string"),
                Arguments.of("beam fractional", "{\"inputs\": [\"a\"], \"beam\": 2.5}", 400, "bad_request", null,
                        "'beam' must be an integer, got the number 2.5"),
                Arguments.of("beam zero", "{\"inputs\": [\"a\"], \"beam\": 0}", 400, "bad_request", null,
                        "'beam' must be at least 1"),
                Arguments.of("beam huge", "{\"inputs\": [\"a\"], \"beam\": 99999999999}", 400, "bad_request", null,
                        "'beam' is out of range"),
                Arguments.of("nbest zero", "{\"inputs\": [\"a\"], \"nbest\": 0}", 400, "bad_request", null,
                        "'nbest' must be at least 1"),
                Arguments.of("nbest above beam", "{\"inputs\": [\"a\"], \"beam\": 2, \"nbest\": 3}", 400, "bad_request",
                        null, "'nbest' (3) cannot exceed 'beam' (2)"),
                Arguments.of("alpha as string", "{\"inputs\": [\"a\"], \"alpha\": \"1\"}", 400, "bad_request", null,
                        "'alpha' must be a number"),
                Arguments.of("alpha negative", "{\"inputs\": [\"a\"], \"alpha\": -1}", 400, "bad_request", null,
                        "'alpha' must be between 0 and 10"),
                Arguments.of("attention not boolean", "{\"inputs\": [\"a\"], \"attention\": \"yes\"}", 400,
                        "bad_request", null, "'attention' must be true or false"),
                Arguments.of("nesting too deep", "{\"inputs\": [\"a\"], \"x\": " + "[".repeat(100) + "]".repeat(100) + "}",
                        400, "bad_request", null, "nesting depth"),
                Arguments.of("too many inputs", "{\"inputs\": [\"a\", \"b\", \"c\", \"d\", \"e\"]}", 400,
                        "limit_exceeded", "max_inputs", "'inputs' has 5 items; this server allows at most 4"),
                Arguments.of("input too long", "{\"inputs\": [\"ok\", \"" + "x".repeat(21) + "\"]}", 400,
                        "limit_exceeded", "max_input_chars", "inputs[1] has 21 characters; this server allows at most 20"),
                Arguments.of("beam above limit", "{\"inputs\": [\"a\"], \"beam\": 7}", 400, "limit_exceeded",
                        "max_beam", "'beam' is 7; this server allows at most 6"),
                Arguments.of("nbest above limit", "{\"inputs\": [\"a\"], \"beam\": 6, \"nbest\": 4}", 400,
                        "limit_exceeded", "max_nbest", "'nbest' is 4; this server allows at most 3"),
                Arguments.of("body too large", "{\"inputs\": [\"" + "x".repeat(5000) + "\"]}", 413, "limit_exceeded",
                        "max_body_bytes", "this server accepts at most 4096 bytes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void answersWithAJsonErrorNamingTheProblem(String name, String body, int status, String code, String limit,
                                              String fragment) {
        Http.Reply r = http.post("/v1/translate", body);
        assertError(r, status, code, fragment);
        if (limit == null) {
            assertNull(r.error().get("limit"), r.body());
        } else {
            assertEquals(limit, r.error().get("limit").asText(), r.body());
        }
    }

    @Test
    void countsCharactersNotUtf16UnitsOrBytes() {
        String twenty = "😀".repeat(20); // 20 code points, 40 UTF-16 units, 80 bytes
        Http.Reply r = http.post("/v1/translate", Http.json(java.util.Map.of("inputs", java.util.List.of(twenty),
                "beam", 1)));
        assertEquals(200, r.status(), r.body());
    }

    @Test
    void aChunkedBodyIsCutOffAtTheLimit() {
        byte[] big = ("{\"inputs\": [\"" + "x".repeat(10_000) + "\"]}").getBytes(StandardCharsets.UTF_8);
        Http.Reply r = http.send(java.net.http.HttpRequest.newBuilder(server.baseUri().resolve("/v1/translate"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))));
        assertError(r, 413, "limit_exceeded", "more than 4096 bytes");
        assertEquals("max_body_bytes", r.error().get("limit").asText());
    }

    /**
     * A client still sending a body the server has refused by its Content-Length reads the 413:
     * the server drains what follows before it closes, so the close does not reset the connection
     * under the answer (with the body unread, a reset now and then replaced it).
     */
    @Test
    void aRefusedBodyStillInFlightGetsItsAnswer() throws Exception {
        byte[] body = ("{\"inputs\": [\"" + "x".repeat(1 << 20) + "\"]}").getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST /v1/translate HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 30; i++) {
            try (java.net.Socket socket = new java.net.Socket(server.baseUri().getHost(), server.baseUri().getPort())) {
                socket.setSoTimeout(10_000);
                java.io.OutputStream out = socket.getOutputStream(); // all of it first, then the answer, as
                out.write(head);                                     // java.net.http's client does
                out.write(body);
                out.flush();
                String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(reply.startsWith("HTTP/1.1 413"), "attempt " + i + ": " + reply);
                assertTrue(reply.contains("\"limit_exceeded\""), reply);
            }
        }
    }

    @Test
    void invalidUtf8IsABadRequest() {
        byte[] prefix = "{\"inputs\": [\"".getBytes(StandardCharsets.UTF_8);
        byte[] suffix = "\"]}".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[prefix.length + 2 + suffix.length];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        body[prefix.length] = (byte) 0xC3; // a lead byte followed by an ASCII byte: invalid
        body[prefix.length + 1] = (byte) 0x28;
        System.arraycopy(suffix, 0, body, prefix.length + 2, suffix.length);
        assertError(http.post("/v1/translate", body), 400, "bad_request", "not valid JSON");
    }

    @Test
    void unknownRouteIsAJson404() {
        assertError(http.get("/v2/translate"), 404, "not_found", "no route GET /v2/translate");
    }

    @Test
    void wrongMethodIsAJson405() {
        assertError(http.get("/v1/translate"), 405, "method_not_allowed", "GET is not allowed on /v1/translate");
    }

    @Test
    void headersTooLargeForJettyAreAJsonErrorToo() {
        Http.Reply r = http.send(java.net.http.HttpRequest.newBuilder(server.baseUri().resolve("/health"))
                .header("X-Big", "y".repeat(64 * 1024)).GET());
        assertEquals(431, r.status(), r.body());
        assertEquals("application/json", r.header("Content-Type"));
        assertEquals("headers_too_large", r.error().get("code").asText());
    }

    @Test
    void theServerKeepsServingAfterErrors() {
        for (int i = 0; i < 3; i++) {
            assertEquals(400, http.post("/v1/translate", "{").status());
        }
        assertEquals(200, http.post("/v1/translate", "{\"inputs\": [\"a\"], \"beam\": 1}").status());
    }

    static void assertError(Http.Reply r, int status, String code, String fragment) {
        assertEquals(status, r.status(), r.body());
        assertTrue(r.header("Content-Type").startsWith("application/json"), r.header("Content-Type"));
        JsonNode e = r.error();
        assertEquals(status, e.get("status").asInt(), r.body());
        assertEquals(code, e.get("code").asText(), r.body());
        assertTrue(e.get("message").asText().contains(fragment), "expected '" + fragment + "' in " + r.body());
        assertFalse(r.body().contains("Exception") || r.body().contains("\tat ") || r.body().contains(".java:"),
                "no stack trace: " + r.body());
    }
}
