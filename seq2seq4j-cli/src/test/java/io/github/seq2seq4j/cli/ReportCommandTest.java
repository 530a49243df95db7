package io.github.seq2seq4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.seq2seq4j.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report {@code train} writes when it ends, and {@code seq2seq4j report} on runs and plain models. */
class ReportCommandTest {
    @TempDir
    static Path tmp;

    static Path run;
    static CliRun training;

    @BeforeAll
    static void trainTheTinyExampleBriefly() {
        run = tmp.resolve("words");
        training = TrainRuns.train(0, "--config", ExamplesTest.EXAMPLES.resolve("words-en-es-tiny.yaml").toString(),
                "--out", run.toString(), "--epochs", "4");
    }

    @Test
    void trainingEndsWithAReportWhoseImagesExistAndWhoseSampleTableHasRows() throws IOException {
        assertEquals(0, training.code(), training.err());
        Path index = run.resolve("report/index.html");
        assertTrue(training.err().contains("report: " + index.toAbsolutePath()), training.err());
        String html = Files.readString(index);
        checkImages(html, index.getParent());
        assertTrue(html.contains("src=\"curves/train-loss.png\""), "the loss curve");
        assertTrue(html.contains("src=\"curves/dev-loss.png\""), "a dev metric's curve");
        assertTrue(html.contains("src=\"attention/sample-1.png\""), "a heatmap");
        assertEquals(3, sampleRows(html).size(), "the three dev words");
        assertTrue(sampleRows(html).get(1).contains("<td>cat</td>"), sampleRows(html).get(1));
        assertTrue(html.contains("<th scope=\"row\">model.hidden_size</th><td>32</td>"), "the configuration");
        long step = ((Number) ((Map<?, ?>) Json.read(run.resolve("checkpoints/best/trainer.json"))).get("step")).longValue();
        assertTrue(html.contains("<code>checkpoints/best</code>, step " + step), "the best checkpoint");
        assertTrue(html.contains("<tr><th scope=\"row\">loss</th><td class=\"num\">"), "its dev loss");
    }

    @Test
    void reportCommandRewritesTheReportOfARun() throws IOException {
        assertEquals(0, training.code(), training.err());
        Path copy = tmp.resolve("again");
        copyTree(run, copy);
        deleteTree(copy.resolve("report"));
        CliRun r = CliRun.of("report", "--model", copy.toString(), "--samples", "2");
        assertEquals(0, r.code(), r.err());
        Path index = copy.resolve("report/index.html").toAbsolutePath();
        assertEquals(index.toString(), r.out().strip());
        String html = Files.readString(index);
        checkImages(html, index.getParent());
        assertEquals(2, sampleRows(html).size(), "--samples 2");
    }

    @Test
    void aPlainModelDirectoryGetsItsConfigurationAndSamplesOnlyWithTest() throws IOException {
        Path model = tmp.resolve("plain");
        copyTree(TranslateAttentionTest.REVERSER, model);
        CliRun bare = CliRun.of("report", "--model", model.toString());
        assertEquals(0, bare.code(), bare.err());
        assertTrue(bare.err().contains("note: No run.yaml: no sample translations (give --test FILE.tsv)."), bare.err());
        String html = Files.readString(model.resolve("report/index.html"));
        assertTrue(html.contains("seq2seq4j model report"));
        assertTrue(html.contains("<th scope=\"row\">model.cell</th><td>gru</td>"), "config.json is shown");
        assertTrue(html.contains("No samples."));
        assertTrue(sampleRows(html).isEmpty());

        Path test = TrainRuns.write(tmp.resolve("test.tsv"), "abc\tcba\nfedcba\tabcdef\n");
        CliRun withTest = CliRun.of("report", "--model", model.toString(), "--test", test.toString());
        assertEquals(0, withTest.code(), withTest.err());
        String page = Files.readString(model.resolve("report/index.html"));
        checkImages(page, model.resolve("report"));
        List<String> rows = sampleRows(page);
        assertEquals(2, rows.size());
        assertTrue(rows.get(1).contains("<td>fedcba</td><td>abcdef</td><td>abcdef</td>"), rows.get(1));
    }

    @Test
    void aDirectoryWithoutRunOrModelIsAOneLineError() {
        CliRun r = CliRun.of("report", "--model", tmp.resolve("nothing").toString());
        assertEquals(1, r.code());
        assertEquals(List.of("seq2seq4j: error: " + tmp.resolve("nothing").toAbsolutePath()
                + " is neither a training output directory (run.yaml, metrics.csv) nor a model directory (config.json)"),
                r.errLines());
    }

    /** Every src and href of the page is a file beside it; every PNG reads back. */
    private static void checkImages(String html, Path dir) throws IOException {
        Matcher m = Pattern.compile("(?:src|href)=\"([^\"]*)\"").matcher(html);
        int images = 0;
        while (m.find()) {
            Path file = dir.resolve(m.group(1));
            assertTrue(Files.isRegularFile(file), m.group(1));
            if (file.toString().endsWith(".png")) {
                assertNotNull(ImageIO.read(file.toFile()), m.group(1) + " is a PNG");
                images++;
            }
        }
        assertTrue(images > 0, "the page shows pictures");
        try (Stream<Path> all = Files.walk(dir)) {
            assertFalse(all.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary files");
        }
    }

    private static List<String> sampleRows(String html) {
        int start = html.indexOf("<table class=\"samples\">");
        List<String> rows = new ArrayList<>();
        if (start < 0) {
            return rows;
        }
        String table = html.substring(start, html.indexOf("</table>", start));
        Matcher m = Pattern.compile("<tr class=\"[a-z]+\">.*?</tr>").matcher(table);
        while (m.find()) {
            rows.add(m.group());
        }
        return rows;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
