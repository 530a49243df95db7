package io.github.seq2seq4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.seq2seq4j.Seq2SeqModel;
import io.github.seq2seq4j.cli.demo.DemoConfig;
import io.github.seq2seq4j.cli.report.MetricsCsv;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code seq2seq4j demo --quick} in-process: what it prints and every file it leaves. */
class DemoCommandTest {
    private static final Pattern WER = Pattern.compile("^dev WER: (\\d+\\.\\d\\d)%  \\(([\\d,]+) of ([\\d,]+) words", Pattern.MULTILINE);
    private static final Pattern PER = Pattern.compile("^dev PER: (\\d+\\.\\d\\d)%", Pattern.MULTILINE);

    @TempDir
    Path tmp;

    @Test
    void quickDemoPrintsScoresAndSamplesAndWritesModelLogsHeatmapsAndReport() throws IOException {
        Path out = tmp.resolve("demo");
        CliRun r = CliRun.of("demo", "--quick", "--out", out.toString());
        assertEquals(0, r.code(), r.err() + r.out());

        // the scores, as the CMUdict README defines them, within [0, 100]
        Matcher wer = WER.matcher(r.out());
        Matcher per = PER.matcher(r.out());
        assertTrue(wer.find(), r.out());
        assertTrue(per.find(), r.out());
        double werValue = Double.parseDouble(wer.group(1));
        double perValue = Double.parseDouble(per.group(1));
        assertTrue(werValue >= 0 && werValue <= 100, r.out());
        assertTrue(perValue >= 0 && perValue <= 100, r.out());
        int wrong = Integer.parseInt(wer.group(2).replace(",", ""));
        int words = Integer.parseInt(wer.group(3).replace(",", ""));
        assertEquals(100.0 * wrong / words, werValue, 0.005, r.out());
        // the final model is the one validated at the last step: its WER is 100 - the dev accuracy there
        List<String> metrics = Files.readAllLines(out.resolve("metrics.csv"));
        String step = Long.toString(DemoConfig.QUICK_STEPS);
        double acc = devMetric(metrics, step, "acc");
        assertEquals(100 - acc, werValue, 0.006, r.out());
        assertEquals(devMetric(metrics, step, "per"), perValue, 0.006, r.out());

        // ten samples, each marked right or wrong, under a header
        List<String> lines = r.out().lines().toList();
        int header = lines.indexOf(lines.stream().filter(l -> l.matches("\\s+word\\s+predicted\\s+reference")).findFirst()
                .orElseThrow(() -> new AssertionError(r.out())));
        for (int i = 1; i <= 10; i++) {
            String row = lines.get(header + i);
            assertTrue(row.endsWith("\u2713") || row.endsWith("\u2717"), row);
        }
        assertTrue(r.out().contains("  report     report/index.html"), r.out());
        assertTrue(r.out().contains("echo \"d e m o\" | ./seq2seq4j translate --model " + out), r.out());
        // the training machinery reported as train does (stderr is not a terminal here: no bar)
        assertTrue(r.err().contains("finished after " + step + " steps: reached " + step + " steps"), r.err());

        // the bundle loads and translates a word it never saw; translate --model reads it too
        Seq2SeqModel model = Seq2SeqModel.load(out);
        assertEquals("whitespace", model.config().tokenizer());
        assertEquals(30, model.sourceVocabulary().size(), "26 letters and 4 specials");
        CliRun translate = CliRun.of("translate", "--model", out.toString(), "--input",
                TrainRuns.write(tmp.resolve("in.txt"), "d e m o\n").toString());
        assertEquals(0, translate.code(), translate.err());
        assertEquals(1, translate.out().lines().count(), translate.out());

        // training log, metrics with rows, effective config, the sample and its licence
        assertEquals(MetricsCsv.HEADER, metrics.get(0));
        assertEquals(DemoConfig.QUICK_STEPS * 3, metrics.stream().filter(l -> l.contains(",train,")).count());
        assertTrue(Files.readString(out.resolve("train.log")).contains("validation at step " + step), "train.log");
        assertTrue(Files.readString(out.resolve("run.yaml")).contains(out.resolve("data/train.tsv").toAbsolutePath().toString()));
        assertTrue(Files.readString(out.resolve("data/LICENSE")).startsWith("Copyright (C) 1993-2015 Carnegie Mellon University"));

        // two heatmaps, readable PNGs
        List<Path> heatmaps;
        try (Stream<Path> s = Files.list(out.resolve("attention"))) {
            heatmaps = s.filter(p -> p.toString().endsWith(".png")).toList();
        }
        assertEquals(2, heatmaps.size(), heatmaps.toString());
        for (Path png : heatmaps) {
            BufferedImage image = ImageIO.read(png.toFile());
            assertNotNull(image, png.toString());
            assertTrue(image.getWidth() > 100 && image.getHeight() > 100, png + " " + image);
            assertTrue(r.out().contains("attention/" + png.getFileName()), r.out());
        }

        // the report page and every picture it shows
        String html = Files.readString(out.resolve("report/index.html"));
        List<String> images = new ArrayList<>();
        Matcher img = Pattern.compile("<img src=\"([^\"]+)\"").matcher(html);
        while (img.find()) {
            images.add(img.group(1));
        }
        for (String curve : List.of("train-loss", "dev-acc", "dev-per", "train-learning_rate")) {
            assertTrue(images.contains("curves/" + curve + ".png"), curve + " in " + images);
        }
        assertTrue(images.stream().anyMatch(s -> s.startsWith("attention/")), images.toString());
        // its samples are the words the demo printed
        for (int i = 1; i <= 10; i++) {
            String word = lines.get(header + i).strip().split(" ")[0];
            assertTrue(html.contains(String.join(" ", word.split(""))), word);
        }
        for (String src : images) {
            assertNotNull(ImageIO.read(out.resolve("report").resolve(src).toFile()), src);
        }
        // written once, by the training run, which then logs it: nothing rewrites the page afterwards
        Path page = out.resolve("report/index.html");
        String log = Files.readString(out.resolve("train.log"));
        assertEquals(1, log.lines().filter(l -> l.endsWith("report: " + page.toAbsolutePath())).count(), log);
        assertTrue(Files.getLastModifiedTime(page).compareTo(Files.getLastModifiedTime(out.resolve("train.log"))) <= 0,
                "report/index.html was rewritten after the run logged it");
        // the report's words are kept beside the data, in the dev file's format
        List<String> sampleLines = Files.readAllLines(out.resolve("data/samples.tsv"));
        List<String> dev = Files.readAllLines(out.resolve("data/dev.tsv"));
        assertTrue(dev.containsAll(sampleLines) && sampleLines.size() >= 10, sampleLines.toString());
        // run files are ordinary files: the permissions of train.log (the umask's), not a temporary file's 0600
        if (out.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            var expected = Files.getPosixFilePermissions(out.resolve("train.log"));
            for (String f : List.of("metrics.csv", "run.yaml", "config.json", "weights.safetensors", "report/index.html",
                    "data/dev.tsv", "data/samples.tsv")) {
                assertEquals(expected, Files.getPosixFilePermissions(out.resolve(f)), f);
            }
        }
    }

    @Test
    void refusesAnOutputDirectoryInUseWithOneLine() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("busy"));
        Files.writeString(out.resolve("notes.txt"), "mine");
        CliRun r = CliRun.of("demo", "--quick", "--out", out.toString());
        assertEquals(1, r.code(), r.err());
        assertEquals(List.of("seq2seq4j: error: " + out.toAbsolutePath()
                + " is not empty; choose a new or empty output directory (or pass --force)"), r.errLines());
        assertEquals("mine", Files.readString(out.resolve("notes.txt")));
    }

    @Test
    void theHelpListsTheDemoFirst() {
        CliRun r = CliRun.of("--help");
        assertEquals(0, r.code());
        List<String> lines = r.out().lines().toList();
        int demo = lines.indexOf("  demo       Train a small model on bundled CMUdict words (about 2 minutes).");
        assertTrue(demo > 0, r.out());
        assertEquals("Commands:", lines.get(demo - 1));
        assertTrue(lines.get(demo + 1).startsWith("  train "), r.out());
    }

    @Test
    void badOptionsAreUsageErrors() {
        CliRun threads = CliRun.of("demo", "--threads", "0", "--out", tmp.resolve("x").toString());
        assertEquals(2, threads.code());
        assertTrue(threads.err().startsWith("seq2seq4j: error: --threads must be >= 1, got 0"), threads.err());
        CliRun time = CliRun.of("demo", "--max-time", "-1", "--out", tmp.resolve("x").toString());
        assertEquals(2, time.code());
        assertTrue(time.err().startsWith("seq2seq4j: error: --max-time must be >= 0 seconds, got -1"), time.err());
        assertTrue(Files.notExists(tmp.resolve("x")), "nothing written");
    }

    private static double devMetric(List<String> csv, String step, String metric) {
        String prefix = step + ",1,dev," + metric + ",";
        return Double.parseDouble(csv.stream().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + prefix + " in metrics.csv")).substring(prefix.length()));
    }
}
