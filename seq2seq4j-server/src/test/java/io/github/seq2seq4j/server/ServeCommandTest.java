package io.github.seq2seq4j.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.seq2seq4j.InputException;
import io.github.seq2seq4j.server.api.Limits;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code seq2seq4j serve}'s options, their checks, and a real start on an ephemeral port. */
class ServeCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private ServeCommand parse(String... args) {
        ServeCommand cmd = new ServeCommand();
        CommandLine cl = new CommandLine(cmd);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.parseArgs(args);
        return cmd;
    }

    private int run(String... args) {
        CommandLine cl = new CommandLine(new ServeCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void defaultsAreLoopbackPort8080AndTheDocumentedLimits() {
        ServerConfig c = parse("--model", "m").config();
        assertEquals("127.0.0.1", c.host());
        assertEquals(8080, c.port());
        assertEquals(Limits.DEFAULT, c.limits());
        assertEquals(32, c.batching().maxBatchSize());
        assertEquals(Duration.ofMillis(2), c.batching().maxWait());
        assertEquals(Runtime.getRuntime().availableProcessors(), c.batching().threads());
        assertEquals(4096, c.batching().maxQueued());
        assertEquals(Duration.ofSeconds(30), c.drainTimeout());
    }

    @Test
    void everyFlagReachesTheConfiguration() {
        ServerConfig c = parse("--model", "m", "--host", "::1", "--port", "0", "--max-body-bytes", "2048",
                "--max-inputs", "3", "--max-input-chars", "50", "--max-beam", "4", "--max-nbest", "2",
                "--request-timeout-ms", "750", "--max-batch", "1", "--batch-wait-ms", "0.5", "--decode-threads", "3",
                "--max-queued", "99", "--drain-timeout-ms", "0").config();
        assertEquals("::1", c.host());
        assertEquals(0, c.port());
        assertEquals(new Limits(2048, 3, 50, 4, 2, Duration.ofMillis(750)), c.limits());
        assertEquals(1, c.batching().maxBatchSize());
        assertEquals(Duration.ofNanos(500_000), c.batching().maxWait());
        assertEquals(3, c.batching().threads());
        assertEquals(99, c.batching().maxQueued());
        assertEquals(50, c.batching().maxSourceTokens());
        assertEquals(Duration.ZERO, c.drainTimeout());
    }

    @Test
    void outOfRangeValuesAreCommandLineErrors() {
        assertEquals(2, run("--model", "m", "--max-beam", "0"));
        assertTrue(err.toString().contains("--max-beam must be at least 1, got 0"), err.toString());
        assertEquals(2, run("--model", "m", "--port", "70000"));
        assertTrue(err.toString().contains("--port must be 0..65535, got 70000"), err.toString());
        assertEquals(2, run("--model", "m", "--batch-wait-ms", "-1"));
        assertTrue(err.toString().contains("--batch-wait-ms must be between 0 and 10000"), err.toString());
        assertEquals(2, run("--port", "1"));
        assertTrue(err.toString().contains("Missing required option: '--model=[NAME=]DIR'"), err.toString());
    }

    @Test
    void startsOnAnEphemeralPortAndSaysWhere() {
        Path dir = Fixtures.modelDir(Fixtures.CHAR_MODEL);
        ServeCommand cmd = parse("--model", dir.toString(), "--model", "words=" + Fixtures.modelDir(Fixtures.WORD_MODEL),
                "--port", "0");
        try (TranslationServer server = cmd.start()) {
            String text = out.toString();
            assertTrue(text.contains("model " + Fixtures.CHAR_MODEL + ": gru bahdanau, 2,523 parameters"), text);
            assertTrue(text.contains("model words: gru luong_general"), text);
            assertTrue(text.contains("listening on http://127.0.0.1:" + server.port() + "/"), text);
            Http http = new Http(server.baseUri());
            assertEquals(200, http.get("/health").status());
            assertEquals(200, http.post("/v1/translate", "{\"model\": \"words\", \"inputs\": [\"the cat\"]}").status());
            assertEquals("", err.toString(), "no warning on loopback");
        }
    }

    @Test
    void aMissingModelDirectoryIsAnErrorNamingIt() {
        ServeCommand cmd = parse("--model", "ghost=/nonexistent/model", "--port", "0");
        InputException e = assertThrows(InputException.class, cmd::start);
        assertTrue(e.getMessage().startsWith("cannot load model 'ghost' from /nonexistent/model"), e.getMessage());
    }

    @Test
    void twoModelsWithOneNameAreRefused() {
        String dir = Fixtures.modelDir(Fixtures.CHAR_MODEL).toString();
        ServeCommand cmd = parse("--model", "a=" + dir, "--model", "a=" + dir, "--port", "0");
        InputException e = assertThrows(InputException.class, cmd::start);
        assertTrue(e.getMessage().contains("two models are named 'a'"), e.getMessage());
    }

    @Test
    void aPortInUseIsAnErrorNamingTheAddress() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            ServeCommand cmd = parse("--model", Fixtures.modelDir(Fixtures.CHAR_MODEL).toString(), "--port",
                    Integer.toString(taken.getLocalPort()));
            InputException e = assertThrows(InputException.class, cmd::start);
            assertTrue(e.getMessage().startsWith("cannot listen on 127.0.0.1:" + taken.getLocalPort()), e.getMessage());
        }
    }

    @Test
    void modelSpecsAreNameEqualsDirOrADirectoryNamedAfterItself() {
        assertEquals(new ModelSpec("g2p", Path.of("models/g2p-en-cmudict")), ModelSpec.parse("g2p=models/g2p-en-cmudict"));
        assertEquals(new ModelSpec("g2p-en-cmudict", Path.of("models/g2p-en-cmudict/")),
                ModelSpec.parse("models/g2p-en-cmudict/"));
        assertEquals("dir=with=equals", ModelSpec.parse("x=dir=with=equals").dir().toString());
        assertThrows(InputException.class, () -> new ModelSpec("bad name", Path.of("d")));
        assertThrows(InputException.class, () -> new ModelSpec("-dash", Path.of("d")));
    }
}
