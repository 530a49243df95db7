package io.github.seq2seq4j.cli.train;

import io.github.seq2seq4j.Seq2SeqModel;
import io.github.seq2seq4j.cli.config.CoreOptions;
import io.github.seq2seq4j.cli.config.RunConfig;
import io.github.seq2seq4j.cli.config.RunYaml;
import io.github.seq2seq4j.cli.runreport.TrainingReport;
import io.github.seq2seq4j.io.ModelBundle;
import io.github.seq2seq4j.kernels.Parallel;
import io.github.seq2seq4j.model.EncoderDecoder;
import io.github.seq2seq4j.model.ModelConfig;
import io.github.seq2seq4j.tensor.Rng;
import io.github.seq2seq4j.train.Checkpoints;
import io.github.seq2seq4j.train.TrainOptions;
import io.github.seq2seq4j.train.Trainer;
import io.github.seq2seq4j.train.TrainingListener;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One {@code seq2seq4j train}: prepares the output directory and the data, builds or restores the
 * model and trainer, trains, publishes the final model (the best checkpoint by the early-stop
 * metric, or the last one without a dev set) at the top of the output directory, and writes the
 * run's report, {@code report/index.html} ({@link TrainingReport}), also after Ctrl-C or an early stop.
 */
public final class TrainingRun {
    /** How long an interrupted run may take to write its last checkpoint before the JVM exits anyway. */
    static final Duration STOP_WAIT = Duration.ofSeconds(60);

    /** The outcome: the trainer's result and where the final model came from. */
    public record Outcome(Trainer.Result result, Path model, Path source) {}

    private final RunConfig config;
    private final RunDirectory dir;
    private final PrintWriter console;
    private final PrintStream barStream;
    private final List<Function<Trainer, TrainingListener>> extraListeners;
    private Path reportTest;
    private int reportSamples = TrainingReport.DEFAULT_SAMPLES;

    /**
     * @param barStream where the live bar goes (a terminal), or null for summary lines only
     * @param extra     more listeners, each made from the trainer (tests stop a run this way)
     */
    public TrainingRun(RunConfig config, PrintWriter console, PrintStream barStream,
                       List<Function<Trainer, TrainingListener>> extra) {
        this.config = config;
        this.dir = new RunDirectory(config.path("out"));
        this.console = console;
        this.barStream = barStream;
        this.extraListeners = List.copyOf(extra);
    }

    /**
     * The report's sample translations are of the first {@code count} sources of {@code tsv}
     * ({@code source<TAB>target}) instead of the dev set's.
     */
    public TrainingRun reportSamples(Path tsv, int count) {
        this.reportTest = tsv;
        this.reportSamples = count;
        return this;
    }

    /**
     * Sets the kernels' thread count to the run's {@code threads} setting (0: one per available
     * processor) and returns it.
     */
    public static int applyThreads(RunConfig config) {
        int n = config.integer("threads");
        Parallel.setThreads(n > 0 ? n : Runtime.getRuntime().availableProcessors());
        return Parallel.threads();
    }

    /** A new run into {@code out}; {@code force} replaces a run already there. */
    public Outcome fresh(boolean force, List<String> header) {
        ModelConfig mc = CoreOptions.model(config); // every check before anything is read or written
        TrainOptions options = CoreOptions.training(config);
        dir.prepareFresh(force);
        dir.writeText(RunDirectory.RUN_YAML, RunYaml.write(config, header));
        int threads = applyThreads(config);
        try (RunLog log = RunLog.open(dir.resolve(RunDirectory.LOG), false, console)) {
            header.forEach(log::file);
            log.file("threads: " + threads);
            TrainingData data = TrainingData.prepare(config, log::info);
            EncoderDecoder net = new EncoderDecoder(mc, data.sourceVocabulary().size(), data.targetVocabulary().size());
            net.initDefault(new Rng(config.longValue("seed")));
            Trainer trainer = new Trainer(net, options);
            try (CsvMetricsSink metrics = CsvMetricsSink.create(dir.resolve(RunDirectory.METRICS))) {
                return train(trainer, net, data, log, metrics, () -> { });
            }
        }
    }

    /** Continues the run in {@code out} from its {@code checkpoints/last}, exactly. */
    public Outcome resume(List<String> header) {
        Path last = dir.last();
        if (!Files.isDirectory(last)) {
            throw new io.github.seq2seq4j.InputException(dir.root() + " has no checkpoints/last to resume from");
        }
        Checkpoints.Loaded state = Checkpoints.load(last);
        Seq2SeqModel checkpoint = Seq2SeqModel.load(last);
        dir.writeText(RunDirectory.RUN_YAML, RunYaml.write(config, header));
        int threads = applyThreads(config);
        try (RunLog log = RunLog.open(dir.resolve(RunDirectory.LOG), true, console)) {
            header.forEach(log::file);
            log.file("threads: " + threads);
            TrainingData data = TrainingData.resume(config, checkpoint, log::info);
            EncoderDecoder net = checkpoint.network();
            Trainer trainer = new Trainer(net, CoreOptions.training(config));
            try (CsvMetricsSink metrics = CsvMetricsSink.resume(dir.resolve(RunDirectory.METRICS), state.state().step())) {
                return train(trainer, net, data, log, metrics, () -> trainer.restore(state.state(), state.optimizerState()));
            }
        }
    }

    /** Trains; {@code restore} runs once the listeners are attached, so they hear of the resume. */
    private Outcome train(Trainer trainer, EncoderDecoder net, TrainingData data, RunLog log, MetricsSink metrics,
                          Runnable restore) {
        ModelConfig mc = net.config();
        TrainOptions options = CoreOptions.training(config);
        log.info("model: " + describe(mc) + ", " + Summaries.count(net.parameterCount()) + " parameters");
        trainer.checkpoints(new Checkpoints(dir.checkpoints(), (d, m) -> ModelBundle.writeInto(d, mc,
                data.sourceVocabulary(), data.targetVocabulary(), m, data.bpe())));
        ConsoleProgress progress = new ConsoleProgress(console, barStream, options.epochs(), data.dev() != null);
        trainer.addListener(new RunRecorder(log, metrics, config.integer("training.log_every"), dir.root()));
        trainer.addListener(progress);
        List<TrainingListener> extra = new ArrayList<>();
        for (Function<Trainer, TrainingListener> f : extraListeners) {
            extra.add(f.apply(trainer));
        }
        extra.forEach(trainer::addListener);
        restore.run();
        Trainer.Result result;
        try (StopOnInterrupt stop = new StopOnInterrupt(trainer, STOP_WAIT, console)) {
            try {
                result = trainer.train(data.batcher(), data.dev());
            } finally {
                progress.finish();
            }
            Path source = Files.isDirectory(dir.checkpoints().resolve("best")) && data.dev() != null
                    ? dir.checkpoints().resolve("best") : dir.last();
            dir.publishModel(source);
            log.info(summary(result));
            log.info("model: " + dir.root() + " (from " + dir.root().relativize(source) + ")");
            writeReport(log);
            if (result.stopReason().equals("stop requested")) {
                log.info("continue with: seq2seq4j train --resume " + dir.root());
            }
            return new Outcome(result, dir.root(), source);
        }
    }

    /**
     * Writes the run's HTML report. The run itself has succeeded by now, so a report that cannot be
     * written is said on the console and in train.log rather than failing it.
     */
    private void writeReport(RunLog log) {
        try {
            Path index = TrainingReport.write(dir.root(), reportTest, reportSamples, note -> log.file("report: " + note));
            log.info("report: " + index);
        } catch (IOException | RuntimeException e) {
            log.info("report: not written: " + e.getMessage());
        }
    }

    private static String summary(Trainer.Result r) {
        String s = "finished after " + Summaries.count(r.steps()) + " steps: " + r.stopReason();
        if (r.best() != null) {
            s += "; best " + r.best().metric() + " " + Summaries.value(r.best().metric(), r.best().value())
                    + " at step " + r.best().step();
        }
        return s;
    }

    /** "gru, embedding 16, hidden 32, 1 layer, bidirectional, bahdanau attention, char tokens". */
    static String describe(ModelConfig c) {
        return c.cell().configName() + ", embedding " + c.embeddingSize() + ", hidden " + c.hiddenSize() + ", "
                + c.layers() + (c.layers() == 1 ? " layer" : " layers") + (c.bidirectional() ? ", bidirectional" : "")
                + ", " + c.attention().configName() + " attention"
                + (c.dropout() > 0 ? ", dropout " + c.dropout() : "") + (c.tieOutput() ? ", tied output" : "")
                + ", " + c.tokenizer() + " tokens";
    }
}
