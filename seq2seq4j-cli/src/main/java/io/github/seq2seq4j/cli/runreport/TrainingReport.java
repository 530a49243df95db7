package io.github.seq2seq4j.cli.runreport;

import io.github.seq2seq4j.InputException;
import io.github.seq2seq4j.Seq2SeqModel;
import io.github.seq2seq4j.cli.config.RunConfig;
import io.github.seq2seq4j.cli.config.YamlConfigReader;
import io.github.seq2seq4j.cli.evaluate.TestSet;
import io.github.seq2seq4j.cli.report.BestCheckpoint;
import io.github.seq2seq4j.cli.report.HtmlReport;
import io.github.seq2seq4j.cli.report.MetricPoint;
import io.github.seq2seq4j.cli.report.MetricsCsv;
import io.github.seq2seq4j.cli.report.RunReport;
import io.github.seq2seq4j.cli.report.Sample;
import io.github.seq2seq4j.io.ModelBundle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Writes {@code DIR/report/index.html} for a training output directory or a plain model directory,
 * with whatever the directory holds:
 * <ul>
 *   <li>the configuration: {@code run.yaml} (every key), else the model's {@code config.json};
 *   <li>the best checkpoint's step and scores ({@link BestScores});
 *   <li>the curves of {@code metrics.csv};
 *   <li>sample translations by the model in DIR (the final model of a run) of the first sources of
 *       {@code test} when given, else of the run's dev set, with their attention heatmaps.
 * </ul>
 * What is missing is said on the page and passed to {@code notes}; a directory with none of
 * run.yaml, metrics.csv and config.json is an error.
 */
public final class TrainingReport {
    /** Sample translations shown unless told otherwise. */
    public static final int DEFAULT_SAMPLES = 8;
    /** The report's directory inside DIR. */
    public static final String DIRECTORY = "report";

    private static final String RUN_YAML = "run.yaml";
    private static final String METRICS = "metrics.csv";

    private TrainingReport() {}

    /**
     * Writes the report of {@code dir}; returns the page's path.
     *
     * @param test    a {@code source<TAB>target} file to draw the samples from, or null for the run's dev set
     * @param samples how many sample translations to show, at least 0
     * @param notes   receives one sentence for each thing the report could not show
     */
    public static Path write(Path dir, Path test, int samples, Consumer<String> notes) throws IOException {
        if (samples < 0) {
            throw new IllegalArgumentException("samples must be >= 0, got " + samples);
        }
        Path root = dir.toAbsolutePath().normalize();
        Path runYaml = root.resolve(RUN_YAML);
        Path metricsCsv = root.resolve(METRICS);
        boolean isRun = Files.isRegularFile(runYaml) || Files.isRegularFile(metricsCsv);
        boolean hasModel = Files.isRegularFile(root.resolve(ModelBundle.CONFIG));
        if (!Files.isDirectory(root) || (!isRun && !hasModel)) {
            throw new InputException(root + " is neither a training output directory (run.yaml, metrics.csv) nor a "
                    + "model directory (config.json)");
        }
        List<String> missing = new ArrayList<>();
        Consumer<String> note = s -> {
            missing.add(s);
            notes.accept(s);
        };
        RunConfig config = Files.isRegularFile(runYaml) ? RunConfig.of(YamlConfigReader.read(runYaml), Map.of()) : null;
        Seq2SeqModel model = hasModel ? Seq2SeqModel.load(root) : null;
        List<MetricPoint> metrics = List.of();
        if (Files.isRegularFile(metricsCsv)) {
            metrics = MetricsCsv.read(metricsCsv);
        } else {
            note.accept("No metrics.csv: no training curves.");
        }
        Map<String, Object> shown = config != null ? ReportConfig.of(config)
                : model != null ? ReportConfig.of(model) : Map.of();
        String metric = config == null ? null : config.string("training.early_stop_metric");
        BestCheckpoint best = BestScores.read(root, metrics, metric);
        List<Sample> sampleRows = samples == 0 ? List.of() : samples(model, test, config, samples, note);
        RunReport report = new RunReport(isRun ? "seq2seq4j training report" : "seq2seq4j model report",
                root.getFileName() == null ? root.toString() : root.getFileName().toString(), shown, best, metrics,
                sampleRows, missing);
        return HtmlReport.write(report, root.resolve(DIRECTORY));
    }

    private static List<Sample> samples(Seq2SeqModel model, Path test, RunConfig config, int count,
                                        Consumer<String> note) {
        if (model == null) {
            note.accept("No model (config.json) in the directory: no sample translations.");
            return List.of();
        }
        TestSet set;
        if (test != null) {
            set = TestSet.read(test);
        } else if (config != null && config.path("data.dev") != null) {
            set = TestSet.read(config.path("data.dev"));
        } else if (config != null && config.path("data.dev_source") != null) {
            set = TestSet.aligned(config.path("data.dev_source"), config.path("data.dev_target"));
        } else {
            note.accept((config == null ? "No run.yaml" : "No dev set in run.yaml")
                    + ": no sample translations (give --test FILE.tsv).");
            return List.of();
        }
        return SampleTranslations.decode(model, set, count);
    }
}
