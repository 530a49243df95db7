package io.github.seq2seq4j.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
    @TempDir
    Path dir;

    private static RunReport report() {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("cell", "GRU");
        model.put("hidden", 256);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("model", model);
        config.put("lr", 0.001);
        config.put("note", "<b>x</b>");
        List<MetricPoint> metrics = new ArrayList<>();
        for (int step = 10; step <= 100; step += 10) {
            metrics.add(new MetricPoint(step, 1, "train", "loss", 3.0 / step));
            metrics.add(new MetricPoint(step, 1, "train", "learning_rate", 1e-3));
        }
        metrics.add(new MetricPoint(100, 1, "dev", "bleu", 21.5));
        AttentionMatrix hello = new AttentionMatrix(List.of("h", "e", "l", "l", "o"), List.of("h", "o", "l", "a", "</s>"),
                new float[][] {
                    {0.85f, 0.08f, 0.03f, 0.02f, 0.02f}, {0.05f, 0.15f, 0.1f, 0.1f, 0.6f},
                    {0.02f, 0.08f, 0.55f, 0.3f, 0.05f}, {0.03f, 0.1f, 0.12f, 0.35f, 0.4f},
                    {0.1f, 0.05f, 0.05f, 0.1f, 0.7f}});
        AttentionMatrix tiny = new AttentionMatrix(List.of("a"), List.of("</s>"), new float[][] {{1f}});
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("bleu", 21.5);
        scores.put("ppl", 3.43691);
        return new RunReport("seq2seq4j report", "run <1>", config,
                new BestCheckpoint("step-100.safetensors", 100, scores), metrics, List.of(
                        new Sample("hello", "hola", "hola", hello),
                        new Sample("<script>alert(1)</script>", "the boy eats", "the child eats", tiny),
                        new Sample("ma\u00f1ana", "tomorrow", null, tiny)));
    }

    @Test
    void pageHasEverySectionAndItsContent() throws IOException {
        Path index = HtmlReport.write(report(), dir);
        assertEquals(dir.resolve("index.html"), index);
        String html = Files.readString(index);
        for (String id : List.of("config", "best", "curves", "samples", "attention")) {
            assertTrue(html.contains("<section id=\"" + id + "\">"), id);
        }
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<th scope=\"row\">model.hidden</th><td>256</td>"), "nested config is flattened");
        assertTrue(html.contains("<th scope=\"row\">BLEU</th><td class=\"num\">21.5</td>"));
        assertTrue(html.contains("<td class=\"num\">3.4369</td>"), "scores are rounded to 4 decimals");
        assertTrue(html.contains("<tr class=\"match\">"));
        assertTrue(html.contains("<tr class=\"mismatch\">"));
        assertTrue(html.contains("the <mark>boy</mark> eats"), "the differing word is highlighted");
        assertTrue(html.contains("<tr class=\"noref\">"));
        assertTrue(html.contains("ma\u00f1ana"));
    }

    @Test
    void everythingIsEscaped() throws IOException {
        String html = Files.readString(HtmlReport.write(report(), dir));
        assertFalse(html.contains("<script"), "no script element, from a sample or anywhere else");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(html.contains("run &lt;1&gt;"));
        assertTrue(html.contains("&lt;b&gt;x&lt;/b&gt;"));
        assertFalse(html.contains("<b>x</b>"));
    }

    @Test
    void picturesAreBesideThePageAndLinkedRelatively() throws IOException {
        String html = Files.readString(HtmlReport.write(report(), dir, 1));
        Matcher m = Pattern.compile("(?:src|href)=\"([^\"]*)\"").matcher(html);
        List<String> links = new ArrayList<>();
        while (m.find()) {
            links.add(m.group(1));
        }
        assertEquals(List.of("curves/train-loss.png", "curves/dev-bleu.png", "curves/train-learning_rate.png",
                "attention/sample-1.png", "attention/sample-1.json"), links, "one heatmap, as asked");
        for (String link : links) {
            Path file = dir.resolve(link);
            assertTrue(Files.isRegularFile(file), link);
            if (link.endsWith(".png")) {
                assertNotNull(ImageIO.read(file.toFile()), link);
            }
        }
        assertEquals(5, AttentionJson.read(dir.resolve("attention/sample-1.json")).srcLen());
        assertFalse(html.contains("http:") || html.contains("https:") || html.contains("<link")
                || html.contains("@import"), "no external resources");
        try (Stream<Path> all = Files.walk(dir)) {
            assertTrue(all.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary files left");
        }
    }

    @Test
    void notesAreShownEscapedAndTheConfigurationIsOneTablePerSection() throws IOException {
        RunReport r = report();
        RunReport noted = new RunReport(r.title(), r.runName(), r.config(), r.best(), r.metrics(), r.samples(),
                List.of("No metrics.csv: <none>"));
        String html = Files.readString(HtmlReport.write(noted, dir));
        assertTrue(html.contains("<p class=\"note\">No metrics.csv: &lt;none&gt;</p>"), "the note, escaped");
        assertTrue(html.contains("<caption>run</caption>"), "top-level keys");
        assertTrue(html.contains("<caption>model</caption>"), "a section");
        assertTrue(html.indexOf("<caption>run</caption>") < html.indexOf("<caption>model</caption>"));
        assertTrue(html.indexOf("<section id=\"samples\">") < html.indexOf("<section id=\"config\">"),
                "results come before the configuration");
    }

    @Test
    void emptyRunStillMakesAPage() throws IOException {
        RunReport empty = new RunReport("t", "r", Map.of(), null, List.of(), List.of());
        String html = Files.readString(HtmlReport.write(empty, dir));
        assertTrue(html.contains("No configuration recorded."));
        assertTrue(html.contains("No best checkpoint recorded."));
        assertTrue(html.contains("No metrics recorded."));
        assertTrue(html.contains("No samples."));
        assertTrue(html.contains("No attention weights recorded."));
    }

    @Test
    void scoresAreFormattedForReading() {
        assertEquals("28.9123", HtmlReport.formatScore(28.91234));
        assertEquals("61", HtmlReport.formatScore(61.0));
        assertEquals("1.000e-04", HtmlReport.formatScore(1e-4));
        assertEquals("NaN", HtmlReport.formatScore(Double.NaN));
        assertEquals("0", HtmlReport.formatScore(0.0));
    }
}
