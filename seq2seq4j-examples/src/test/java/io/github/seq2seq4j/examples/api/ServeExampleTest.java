package io.github.seq2seq4j.examples.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ServeExampleTest {
    @Test
    void theServedRequestReturnsTheTranslationsAndTheServerIsStoppedAfterwards() throws Exception {
        ExamplesTestSupport.Output out = new ExamplesTestSupport.Output();
        ServeExample.Result r = ServeExample.run(ExamplesTestSupport.MODEL, out.writer);
        assertEquals(200, r.status(), r.body());
        assertEquals(List.of("hola", "libro"), r.translations());
        assertTrue(r.body().contains("\"model\":\"en-es\""), r.body());

        Matcher m = Pattern.compile("serving en-es at (http://127\\.0\\.0\\.1:\\d+/)").matcher(out.toString());
        assertTrue(m.find(), out.toString());
        HttpRequest health = HttpRequest.newBuilder(URI.create(m.group(1) + "health")).build();
        try {
            HttpResponse<String> after = HttpClient.newHttpClient().send(health, HttpResponse.BodyHandlers.ofString());
            throw new AssertionError("the server still answers after the example: " + after.statusCode());
        } catch (ConnectException expected) {
            // stopped: nothing listens on the port any more
        }
    }
}
