package io.github.seq2seq4j.server;

import io.github.seq2seq4j.server.api.Limits;
import io.github.seq2seq4j.server.batch.BatchPolicy;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code seq2seq4j serve}: serves model bundles over HTTP until stopped (Ctrl-C or SIGTERM). */
@Command(
        name = "serve",
        header = "Serve models over HTTP: JSON API, metrics and a web page.",
        description = {
            "Load model bundles and serve them on http://HOST:PORT/:",
            "  POST /v1/translate  translate inputs (JSON)",
            "  GET  /v1/models     the models, their configs and parameter counts",
            "  GET  /health        200 while serving",
            "  GET  /metrics       Prometheus text format",
            "  GET  /              a page to try a model and see its attention",
            "Listens on 127.0.0.1 unless --host says otherwise. Sentences of",
            "concurrent requests with the same model and options are decoded",
            "together in batches. Ctrl-C or SIGTERM stops gracefully: new requests",
            "get 503, those in flight finish first.",
            ""
        },
        sortOptions = false,
        footerHeading = "%nExamples:%n",
        footer = {
            "  seq2seq4j serve --model runs/words-en-es-tiny",
            "  seq2seq4j serve --model en-es=runs/words-en-es-tiny --model g2p=runs/demo --port 9000",
            "  curl -s localhost:8080/v1/translate -d '{\"inputs\": [\"hello\", \"cat\"], \"beam\": 5}'"
        })
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "[NAME=]DIR",
            description = "A model bundle directory to serve, named NAME or after the directory (repeatable; the first"
                    + " is the default).")
    List<String> models = new ArrayList<>();

    @Option(names = "--host", defaultValue = ServerConfig.LOOPBACK, paramLabel = "ADDR",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String host;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "N",
            description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--max-body-bytes", defaultValue = "1048576", paramLabel = "N",
            description = "Largest request body, in bytes (default: ${DEFAULT-VALUE}); larger gets 413.")
    long maxBodyBytes;

    @Option(names = "--max-inputs", defaultValue = "64", paramLabel = "N",
            description = "Most inputs per request (default: ${DEFAULT-VALUE}).")
    int maxInputs;

    @Option(names = "--max-input-chars", defaultValue = "1000", paramLabel = "N",
            description = "Most characters per input (default: ${DEFAULT-VALUE}).")
    int maxInputChars;

    @Option(names = "--max-beam", defaultValue = "16", paramLabel = "N",
            description = "Largest beam size a request may ask for (default: ${DEFAULT-VALUE}).")
    int maxBeam;

    @Option(names = "--max-nbest", defaultValue = "16", paramLabel = "N",
            description = "Most translations per input (default: ${DEFAULT-VALUE}).")
    int maxNbest;

    @Option(names = "--request-timeout-ms", defaultValue = "30000", paramLabel = "MS",
            description = "Time limit per translation request; past it the request is cancelled with 503 (default:"
                    + " ${DEFAULT-VALUE}).")
    long requestTimeoutMs;

    @Option(names = "--max-batch", defaultValue = "32", paramLabel = "N",
            description = "Most sentences decoded in one batch; 1 turns cross-request batching off (default:"
                    + " ${DEFAULT-VALUE}).")
    int maxBatch;

    @Option(names = "--batch-wait-ms", defaultValue = "2", paramLabel = "MS",
            description = "How long a sentence may wait for others to fill a batch when a decoding thread is idle"
                    + " (default: ${DEFAULT-VALUE}; fractions allowed).")
    double batchWaitMs;

    @Option(names = "--decode-threads", paramLabel = "N",
            description = "Decoding threads (default: the number of cores).")
    Integer decodeThreads;

    @Option(names = "--max-queued", defaultValue = "4096", paramLabel = "N",
            description = "Most sentences waiting to be decoded; a request beyond gets 503 (default: ${DEFAULT-VALUE}).")
    int maxQueued;

    @Option(names = "--drain-timeout-ms", defaultValue = "30000", paramLabel = "MS",
            description = "On shutdown, how long requests in flight may take to finish (default: ${DEFAULT-VALUE}).")
    long drainTimeoutMs;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        TranslationServer server = start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "seq2seq4j-shutdown"));
        server.awaitClosed();
        return 0;
    }

    /** Checks the options, loads the models and starts the server (without waiting for it to stop). */
    TranslationServer start() {
        ServerConfig config = config();
        List<ModelSpec> specs = new ArrayList<>();
        for (String m : models) {
            specs.add(ModelSpec.parse(m));
        }
        ModelRegistry registry = ModelRegistry.load(specs);
        TranslationServer server = TranslationServer.start(config, registry);
        PrintWriter out = spec.commandLine().getOut();
        for (ServedModel m : registry.all()) {
            out.printf("model %s: %s, %,d parameters, from %s%n", m.name(), m.model().config().cell().configName()
                    + " " + m.model().config().attention().configName(), m.model().parameterCount(), m.dir());
        }
        out.println("listening on " + server.baseUri() + " (Ctrl-C stops; requests in flight finish first)");
        out.flush();
        if (!isLoopback(host)) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("warning: listening on " + host + ", reachable from other machines; the server has no"
                    + " authentication");
            err.flush();
        }
        return server;
    }

    /** The server configuration the options describe; wrong values are command-line errors. */
    ServerConfig config() {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be 0..65535, got " + port);
        }
        positive("--max-body-bytes", maxBodyBytes);
        positive("--max-inputs", maxInputs);
        positive("--max-input-chars", maxInputChars);
        positive("--max-beam", maxBeam);
        positive("--max-nbest", maxNbest);
        positive("--request-timeout-ms", requestTimeoutMs);
        positive("--max-batch", maxBatch);
        positive("--max-queued", maxQueued);
        if (drainTimeoutMs < 0) {
            throw new ParameterException(spec.commandLine(), "--drain-timeout-ms must be at least 0, got " + drainTimeoutMs);
        }
        if (!(batchWaitMs >= 0 && batchWaitMs <= 10_000)) {
            throw new ParameterException(spec.commandLine(), "--batch-wait-ms must be between 0 and 10000, got "
                    + batchWaitMs);
        }
        int threads = decodeThreads == null ? Runtime.getRuntime().availableProcessors() : decodeThreads;
        positive("--decode-threads", threads);
        Limits limits = new Limits(maxBodyBytes, maxInputs, maxInputChars, maxBeam, maxNbest,
                Duration.ofMillis(requestTimeoutMs));
        BatchPolicy batching = new BatchPolicy(maxBatch, Duration.ofNanos(Math.round(batchWaitMs * 1e6)), threads,
                maxQueued, maxInputChars);
        return new ServerConfig(host, port, limits, batching, Duration.ofMillis(drainTimeoutMs));
    }

    private void positive(String option, long value) {
        if (value < 1) {
            throw new ParameterException(spec.commandLine(), option + " must be at least 1, got " + value);
        }
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false; // the server will fail to bind and say so
        }
    }
}
