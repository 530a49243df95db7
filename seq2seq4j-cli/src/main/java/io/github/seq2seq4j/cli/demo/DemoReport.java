package io.github.seq2seq4j.cli.demo;

import io.github.seq2seq4j.InputException;
import io.github.seq2seq4j.cli.report.AtomicFiles;
import io.github.seq2seq4j.cli.report.AttentionHeatmap;
import io.github.seq2seq4j.cli.runreport.TrainingReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * The pictures and the page the demo leaves behind: attention heatmaps of a few sample words in
 * {@code OUT/attention/WORD.png}, and the run's HTML report ({@link TrainingReport}: configuration,
 * best scores, the curves of {@code metrics.csv}, samples with heatmaps) in
 * {@code OUT/report/index.html}, its samples being the words the demo prints.
 */
public final class DemoReport {
    /** The heatmaps' directory inside the output directory. */
    public static final String ATTENTION = "attention";
    /** The report's directory inside the output directory. */
    public static final String REPORT = TrainingReport.DIRECTORY;

    private DemoReport() {}

    /**
     * Draws the attention of the {@code count} samples with the longest words (correct ones first,
     * so the picture shows a model that knows the word) and returns the files written.
     */
    public static List<Path> heatmaps(List<WordResult> samples, int count, Path out) {
        List<WordResult> drawable = new ArrayList<>(samples.stream().filter(w -> w.attention() != null).toList());
        drawable.sort(Comparator.comparing((WordResult w) -> !w.correct())
                .thenComparing(Comparator.comparingInt((WordResult w) -> w.word().length()).reversed()));
        List<Path> files = new ArrayList<>();
        for (WordResult w : drawable.subList(0, Math.min(count, drawable.size()))) {
            Path png = out.resolve(ATTENTION).resolve(w.word() + ".png");
            String title = w.word() + " \u2192 " + w.hypothesis() + (w.correct() ? "" : "  (reference " + w.closestReference() + ")");
            try {
                AttentionHeatmap.write(w.attention(), title, png);
            } catch (IOException e) {
                throw new InputException(png + ": cannot write the heatmap: " + e.getMessage(), e);
            }
            files.add(png);
        }
        return files;
    }

    /**
     * Writes the report of the run in {@code out} again (training wrote one with the first dev
     * words), showing {@code samples} instead; returns the page. {@code notes} hears what the
     * report could not show.
     */
    public static Path html(Path out, List<WordResult> samples, Consumer<String> notes) {
        Path tsv = null;
        try {
            StringBuilder lines = new StringBuilder();
            for (WordResult w : samples) {
                for (String reference : w.references()) {
                    lines.append(w.source()).append('\t').append(reference).append('\n');
                }
            }
            tsv = Files.createTempFile(out, ".samples-", ".tsv");
            AtomicFiles.writeString(tsv, lines.toString());
            return TrainingReport.write(out, tsv, samples.size(), notes);
        } catch (IOException e) {
            throw new InputException(out.resolve(REPORT) + ": cannot write the report: " + e.getMessage(), e);
        } finally {
            deleteQuietly(tsv);
        }
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // a leftover hidden temporary file is harmless
            }
        }
    }
}
