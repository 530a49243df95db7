package io.github.seq2seq4j.cli.demo;

import io.github.seq2seq4j.InputException;
import io.github.seq2seq4j.cli.report.AtomicFiles;
import io.github.seq2seq4j.cli.report.AttentionHeatmap;
import io.github.seq2seq4j.cli.runreport.TrainingReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pictures and the page the demo leaves behind: attention heatmaps of a few sample words in
 * {@code OUT/attention/WORD.png}, and the words of the run's HTML report ({@link TrainingReport}:
 * configuration, best scores, the curves of {@code metrics.csv}, samples with heatmaps, written
 * once by the training run into {@code OUT/report/index.html}), which are the words the demo prints.
 */
public final class DemoReport {
    /** The heatmaps' directory inside the output directory. */
    public static final String ATTENTION = "attention";
    /** The report's directory inside the output directory. */
    public static final String REPORT = TrainingReport.DIRECTORY;
    /** The printed (and reported) held-out words, in the data directory. */
    public static final String SAMPLES = "samples.tsv";

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
     * Writes {@code count} held-out words, spread evenly over the dev lines as
     * {@link SampleTable#pick} spreads them, with all their pronunciations, to {@code file}
     * ({@code letters<TAB>phonemes}): the words the demo prints, given to the run before training
     * so that its one report shows them too. Returns {@code file}.
     */
    public static Path samples(List<String> devLines, int count, Path file) {
        Map<String, List<String>> byWord = new LinkedHashMap<>(); // the order G2pEvaluation keeps
        for (String line : devLines) {
            int tab = line.indexOf('\t');
            byWord.computeIfAbsent(tab < 0 ? line : line.substring(0, tab), k -> new ArrayList<>()).add(line);
        }
        StringBuilder text = new StringBuilder();
        for (String word : SampleTable.pick(new ArrayList<>(byWord.keySet()), count)) {
            byWord.get(word).forEach(l -> text.append(l).append('\n'));
        }
        try {
            AtomicFiles.writeString(file, text.toString());
        } catch (IOException e) {
            throw new InputException(file + ": cannot write: " + e.getMessage(), e);
        }
        return file;
    }
}
