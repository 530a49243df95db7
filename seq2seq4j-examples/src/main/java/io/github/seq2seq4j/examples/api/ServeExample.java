package io.github.seq2seq4j.examples.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.seq2seq4j.server.ModelRegistry;
import io.github.seq2seq4j.server.ModelSpec;
import io.github.seq2seq4j.server.ServerConfig;
import io.github.seq2seq4j.server.TranslationServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The translation server inside your own program: start it on a free port of 127.0.0.1, send
 * one {@code POST /v1/translate} request with Java's own HTTP client, read the JSON answer, stop
 * the server. The routes, the request and the response are described in docs/server.md.
 *
 * <pre>
 * java -cp seq2seq4j-examples/target/seq2seq4j-examples.jar io.github.seq2seq4j.examples.api.ServeExample [MODEL_DIR]
 * </pre>
 */
public final class ServeExample {
    /** The name clients use for the model. */
    public static final String MODEL_NAME = "en-es";

    /**
     * The request and its answer.
     *
     * @param status       the HTTP status
     * @param translations the best translation of each input, in input order
     * @param body         the response body as received
     */
    public record Result(int status, List<String> translations, String body) {}

    private ServeExample() {}

    /** Serves {@code modelDir} as {@value #MODEL_NAME}, translates "hello" and "book" over HTTP, stops. */
    public static Result run(Path modelDir, PrintWriter out) throws IOException, InterruptedException {
        ModelRegistry models = ModelRegistry.load(List.of(new ModelSpec(MODEL_NAME, modelDir)));
        ServerConfig config = ServerConfig.defaults().withPort(0); // 0: any free port
        try (TranslationServer server = TranslationServer.start(config, models)) { // close() stops it gracefully
            out.println("serving " + MODEL_NAME + " at " + server.baseUri());

            String json = "{\"model\": \"" + MODEL_NAME + "\", \"inputs\": [\"hello\", \"book\"], \"beam\": 3}";
            HttpRequest request = HttpRequest.newBuilder(server.baseUri().resolve("v1/translate"))
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(json))
                    .build();
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            out.println("POST /v1/translate " + json);
            out.println("-> " + response.statusCode() + " " + response.body());

            List<String> best = new ArrayList<>();
            if (response.statusCode() == 200) {
                // {"model": ..., "results": [{"input": ..., "translations": [{"text": ..., "score": ...}, ...]}, ...]}
                for (JsonNode result : new ObjectMapper().readTree(response.body()).get("results")) {
                    JsonNode top = result.get("translations").get(0);
                    best.add(top.get("text").asText());
                    out.println(result.get("input").asText() + " -> " + top.get("text").asText() + "  (log-prob "
                            + top.get("score").asDouble() + ")");
                }
            }
            out.flush();
            return new Result(response.statusCode(), best, response.body());
        }
    }

    /**
     * Runs the example.
     *
     * @param args the model directory (default {@value ExampleModel#DEFAULT})
     * @throws IOException          if the request cannot be sent
     * @throws InterruptedException if interrupted while waiting for the answer
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        run(ExampleModel.dir(args), new PrintWriter(System.out, true));
    }
}
