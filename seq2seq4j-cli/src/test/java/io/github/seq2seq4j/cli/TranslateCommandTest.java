package io.github.seq2seq4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.seq2seq4j.io.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code seq2seq4j translate} against the PyTorch reference's outputs, and its formats and errors. */
class TranslateCommandTest {
    /** Scores are float32 sums printed to 6 decimals; PyTorch's last digit may differ by one or two. */
    static final double SCORE_TOLERANCE = 1e-5;
    static final double SAFE_MARGIN = 1e-5;

    static CliRun translate(InputStream stdin, String... args) {
        CommandLine cmd = Main.commandLine();
        ((TranslateCommand) cmd.getSubcommands().get("translate").getCommand()).stdin = stdin;
        String[] all = new String[args.length + 1];
        all[0] = "translate";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliRun.on(cmd, all);
    }

    static CliRun translate(String stdin, String... args) {
        return translate(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), args);
    }

    @ParameterizedTest
    @CsvSource({
        "gru-bahdanau-bi, src.txt", "lstm-luong_concat-uni, src.txt", "rnn_tanh-luong_dot-uni, src.txt",
        "x-gru-luong_general-bi-whitespace, words_src.txt", "x-lstm-luong_general-bi-layers2-dropout, src.txt"
    })
    void greedyAndBeamOutputsEqualTheReferences(String name, String src) {
        Path bundle = ReferenceModels.dir(name);
        Path input = ReferenceModels.ROOT.resolve(src);
        check(bundle, "greedy", translate("", "--model", bundle.toString(), "--input", input.toString(), "--scores"));
        check(bundle, "beam3", translate("", "--model", bundle.toString(), "--input", input.toString(), "--scores",
                "--beam", "3", "--batch-size", "5"));
    }

    private static void check(Path bundle, String command, CliRun r) {
        assertEquals(0, r.code(), r.err());
        List<String> expected = ReferenceModels.lines(bundle.resolve(command + ".txt"));
        List<String> actual = r.out().lines().toList();
        assertEquals(expected.size(), actual.size(), "one line per source");
        int compared = 0;
        for (int i = 0; i < expected.size(); i++) {
            String[] e = expected.get(i).split("\t", -1);
            String[] a = actual.get(i).split("\t", -1);
            assertEquals(2, a.length, "translation TAB score: " + actual.get(i));
            assertTrue(a[1].matches("-?\\d+\\.\\d{6}"), "six decimals: " + a[1]);
            if (ReferenceModels.margin(bundle, command, i) <= SAFE_MARGIN) {
                continue; // a near tie in the reference may go either way in float32
            }
            assertEquals(e[0], a[0], bundle.getFileName() + " " + command + " line " + (i + 1));
            assertEquals(Double.parseDouble(e[1]), Double.parseDouble(a[1]), SCORE_TOLERANCE, "score of line " + (i + 1));
            compared++;
        }
        assertTrue(compared >= expected.size() - 3, "compared " + compared + " of " + expected.size());
    }

    @Test
    void emptyLineTranslatesToAnEmptyLineWithScoreZero() {
        Path bundle = ReferenceModels.dir("gru-bahdanau-bi");
        CliRun r = translate("cat\n\ndog\n", "--model", bundle.toString(), "--scores");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(3, lines.size());
        assertEquals("\t0.000000", lines.get(1));
        CliRun plain = translate("cat\n\ndog\n", "--model", bundle.toString());
        assertEquals("", plain.out().lines().toList().get(1));
        assertEquals(lines.get(0).split("\t")[0], plain.out().lines().toList().get(0));
    }

    @Test
    void nbestWritesIndexTranslationScoreAndNormalizedScoreBestFirst() {
        Path bundle = ReferenceModels.dir("gru-bahdanau-bi");
        List<String> sources = List.of("cat", "hello", "banana");
        CliRun r = translate(String.join("\n", sources) + "\n", "--model", bundle.toString(), "--beam", "3", "--nbest", "3",
                "--normalized");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(9, lines.size(), r.out());
        CliRun best = translate(String.join("\n", sources) + "\n", "--model", bundle.toString(), "--beam", "3", "--scores");
        List<String> bestLines = best.out().lines().toList();
        for (int s = 0; s < 3; s++) {
            double previous = Double.POSITIVE_INFINITY;
            for (int k = 0; k < 3; k++) {
                String[] cols = lines.get(3 * s + k).split("\t", -1);
                assertEquals(4, cols.length, lines.get(3 * s + k));
                assertEquals(Integer.toString(s), cols[0]);
                double normalized = Double.parseDouble(cols[3]);
                assertTrue(normalized <= previous, "ranked by normalised score");
                previous = normalized;
                // GNMT penalty ((5 + n) / 6)^1, n = tokens (a character or a printed <unk>) + </s> if produced
                String text = cols[1].replace("<unk>", "?");
                int n = text.codePointCount(0, text.length());
                double score = Double.parseDouble(cols[2]);
                boolean finished = Math.abs(score / ((6.0 + n) / 6.0) - normalized) < 2e-6;
                boolean cut = Math.abs(score / ((5.0 + n) / 6.0) - normalized) < 2e-6;
                assertTrue(finished || cut, lines.get(3 * s + k));
            }
            String[] first = lines.get(3 * s).split("\t");
            assertEquals(bestLines.get(s), first[1] + "\t" + first[2], "the first of the n-best is the beam's answer");
        }
    }

    @Test
    void outputIsWrittenBatchByBatchBeforeTheInputEnds() throws Exception {
        Path bundle = ReferenceModels.dir("gru-bahdanau-bi");
        PipedOutputStream feed = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(feed);
        CommandLine cmd = Main.commandLine();
        ((TranslateCommand) cmd.getSubcommands().get("translate").getCommand()).stdin = stdin;
        StringWriter out = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(new StringWriter(), true));
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> cmd.execute("translate", "--model",
                bundle.toString(), "--batch-size", "2"));
        feed.write("cat\ndog\n".getBytes(StandardCharsets.UTF_8));
        feed.flush();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (out.toString().lines().count() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(2, out.toString().lines().count(), "the first batch is out while the input is still open");
        assertFalse(run.isDone());
        feed.write("hello\n".getBytes(StandardCharsets.UTF_8));
        feed.close();
        assertEquals(0, run.get(30, TimeUnit.SECONDS));
        assertEquals(3, out.toString().lines().count());
    }

    @Test
    void attentionJsonHasOneRowPerOutputTokenAndOneColumnPerSourceToken(@TempDir Path tmp) throws IOException {
        Path bundle = ReferenceModels.dir("gru-bahdanau-bi");
        Path attn = tmp.resolve("attn");
        CliRun r = translate("cat\n\nhello\n", "--model", bundle.toString(), "--attention", attn.toString());
        assertEquals(0, r.code(), r.err());
        try (var files = Files.list(attn)) {
            assertEquals(List.of("00000.json", "00000.png", "00001.json", "00002.json", "00002.png"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        Map<?, ?> j = (Map<?, ?>) Json.read(attn.resolve("00002.json"));
        assertEquals("hello", j.get("source"));
        assertEquals(List.of("h", "e", "l", "l", "o"), j.get("source_tokens"));
        assertEquals(r.out().lines().toList().get(2), j.get("translation"));
        List<?> out = (List<?>) j.get("output_tokens");
        List<?> rows = (List<?>) j.get("weights");
        assertEquals(out.size(), rows.size());
        for (Object row : rows) {
            List<?> w = (List<?>) row;
            assertEquals(5, w.size());
            assertEquals(1.0, w.stream().mapToDouble(x -> ((Number) x).doubleValue()).sum(), 1e-5);
        }
        Map<?, ?> empty = (Map<?, ?>) Json.read(attn.resolve("00001.json"));
        assertEquals(List.of(), empty.get("weights"));
    }

    @Test
    void outputFileIsWrittenWholeAndNoTemporaryFileRemains(@TempDir Path tmp) throws IOException {
        Path bundle = ReferenceModels.dir("gru-bahdanau-bi");
        Path out = tmp.resolve("out.txt");
        CliRun r = translate("cat\ndog\n", "--model", bundle.toString(), "--output", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.out());
        assertEquals(2, Files.readAllLines(out).size());
        try (var files = Files.list(tmp)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void badInputAndOptionsAreOneLineErrors(@TempDir Path tmp) throws IOException {
        Path bundle = ReferenceModels.dir("gru-bahdanau-bi");
        CliRun tooLong = translate("ab\nabcdef\n", "--model", bundle.toString(), "--max-source-tokens", "4");
        assertEquals(1, tooLong.code());
        assertEquals(List.of("seq2seq4j: error: <stdin>:2: the source has 6 tokens; the maximum is 4 "
                + "(raise --max-source-tokens or split the line)"), tooLong.errLines());

        Path bad = tmp.resolve("bad.txt");
        Files.write(bad, new byte[] {'o', 'k', '\n', (byte) 0xC3, '(', '\n'});
        CliRun utf8 = translate("", "--model", bundle.toString(), "--input", bad.toString());
        assertEquals(1, utf8.code());
        assertEquals(1, utf8.errLines().size(), utf8.err());
        assertTrue(utf8.err().contains("bad.txt:2: invalid UTF-8"), utf8.err());

        CliRun nbest = translate("", "--model", bundle.toString(), "--nbest", "2");
        assertEquals(2, nbest.code());
        assertTrue(nbest.err().contains("1 <= --nbest <= --beam"), nbest.err());

        CliRun noModel = translate("", "--model", tmp.resolve("nope").toString());
        assertEquals(1, noModel.code());
        assertTrue(noModel.err().contains("not a model directory"), noModel.err());
    }
}
