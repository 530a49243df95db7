package io.github.seq2seq4j.cli.demo;

import io.github.seq2seq4j.InputException;
import io.github.seq2seq4j.cli.config.RunConfig;
import io.github.seq2seq4j.cli.report.AttentionHeatmap;
import io.github.seq2seq4j.cli.report.BestCheckpoint;
import io.github.seq2seq4j.cli.report.HtmlReport;
import io.github.seq2seq4j.cli.report.MetricNames;
import io.github.seq2seq4j.cli.report.MetricPoint;
import io.github.seq2seq4j.cli.report.MetricsCsv;
import io.github.seq2seq4j.cli.report.RunReport;
import io.github.seq2seq4j.cli.report.Sample;
import io.github.seq2seq4j.cli.train.RunDirectory;
import io.github.seq2seq4j.train.Trainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pictures and the page the demo leaves behind: attention heatmaps of a few sample words in
 * {@code OUT/attention/WORD.png}, and an HTML report in {@code OUT/report/index.html} with the
 * configuration, the final scores, the curves of {@code metrics.csv}, the sample predictions and
 * their heatmaps.
 */
public final class DemoReport {
    /** The heatmaps' directory inside the output directory. */
    public static final String ATTENTION = "attention";
    /** The report's directory inside the output directory. */
    public static final String REPORT = "report";
    /** The learning rate's name in metrics.csv. */
    private static final String LEARNING_RATE = "learning_rate";

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

    /** Writes {@code OUT/report/} from the run's files and the evaluation; returns the page. */
    public static Path html(RunConfig config, Trainer.Result result, G2pEvaluation eval, List<WordResult> samples,
                            Path out) {
        Map<String, Object> settings = new LinkedHashMap<>();
        config.settings().forEach((key, s) -> settings.put(key, s.value()));
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("wer", eval.score().wer());
        scores.put("per", eval.score().per());
        BestCheckpoint best;
        if (result.best() != null) {
            result.best().metrics().forEach(scores::putIfAbsent);
            best = new BestCheckpoint(RunDirectory.CHECKPOINTS + "/best", result.best().step(), scores);
        } else {
            best = new BestCheckpoint(RunDirectory.CHECKPOINTS + "/last", result.steps(), scores);
        }
        List<Sample> shown = new ArrayList<>();
        for (WordResult w : samples) {
            shown.add(new Sample(w.word(), w.hypothesis(), w.closestReference(), w.attention()));
        }
        Path dir = out.resolve(REPORT);
        try {
            RunReport report = new RunReport("seq2seq4j demo: CMUdict grapheme-to-phoneme", out.getFileName().toString(),
                    settings, best, metrics(out.resolve(RunDirectory.METRICS)), shown);
            return HtmlReport.write(report, dir, samples.size());
        } catch (IOException e) {
            throw new InputException(dir + ": cannot write the report: " + e.getMessage(), e);
        }
    }

    /** The rows of metrics.csv, with the trainer's {@code learning_rate} named as the charts expect it. */
    static List<MetricPoint> metrics(Path csv) throws IOException {
        List<MetricPoint> points = new ArrayList<>();
        for (MetricPoint p : MetricsCsv.read(csv)) {
            points.add(p.metric().equals(LEARNING_RATE)
                    ? new MetricPoint(p.step(), p.epoch(), p.split(), MetricNames.LR, p.value()) : p);
        }
        return points;
    }
}
