package io.github.seq2seq4j.cli;

import io.github.seq2seq4j.Seq2SeqModel;
import io.github.seq2seq4j.cli.config.RunConfig;
import io.github.seq2seq4j.cli.demo.DemoConfig;
import io.github.seq2seq4j.cli.demo.DemoData;
import io.github.seq2seq4j.cli.demo.DemoDirectory;
import io.github.seq2seq4j.cli.demo.DemoReport;
import io.github.seq2seq4j.cli.demo.DemoSummary;
import io.github.seq2seq4j.cli.demo.G2pEvaluation;
import io.github.seq2seq4j.cli.demo.SampleTable;
import io.github.seq2seq4j.cli.demo.TimeLimit;
import io.github.seq2seq4j.cli.demo.WordResult;
import io.github.seq2seq4j.cli.train.RunDirectory;
import io.github.seq2seq4j.cli.train.Terminals;
import io.github.seq2seq4j.cli.train.TrainingRun;
import io.github.seq2seq4j.cli.report.HtmlReport;
import io.github.seq2seq4j.train.Trainer;
import io.github.seq2seq4j.train.TrainingListener;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code seq2seq4j demo}: trains a small attention model on the CMUdict sample bundled in the jar
 * (English spelling to ARPAbet phonemes), then shows predictions for words it never saw, the
 * held-out WER and PER, attention heatmaps and an HTML report. Everything goes into one output
 * directory that {@code translate --model} reads.
 */
@Command(
        name = "demo",
        header = "Train a small model on bundled CMUdict words (about 2 minutes).",
        description = {
            "Train a bidirectional GRU encoder-decoder with Bahdanau attention to spell English words out "
                + "as ARPAbet phonemes, on a sample of the CMU Pronouncing Dictionary bundled in the jar "
                + "(9,605 words; see data/README.md in the output). Then print predictions for "
                + "held-out words it never saw, the word and phoneme error rates (WER, PER) on all held-out "
                + "words, and where the outputs are: the model (for translate --model OUT), train.log, "
                + "metrics.csv, attention heatmaps and report/index.html.",
            "",
            "The run ends by its schedule in about 2 minutes on 2 idle cores; --max-time is a safety net "
                + "that stops training early on a slow machine. Ctrl-C stops like train does."
        },
        sortOptions = false,
        footerHeading = "%nExamples:%n",
        footer = {
            "  seq2seq4j demo",
            "  seq2seq4j demo --quick --out /tmp/demo",
            "  echo \"d e m o\" | seq2seq4j translate --model runs/demo"
        })
final class DemoCommand implements Callable<Integer> {
    /** How many held-out words are printed. */
    static final int SAMPLES = 10;
    /** How many of them get a heatmap in OUT/attention/. */
    static final int HEATMAPS = 2;

    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs/demo",
            description = "The output directory (default: ${DEFAULT-VALUE}); it must be new or empty unless --force.")
    Path out;

    @Option(names = "--force", description = "Replace the demo or training run already in DIR (nothing else there is touched).")
    boolean force;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of initialisation, shuffling and dropout (default: 1).")
    Long seed;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads the kernels use (default: the available processors).")
    Integer threads;

    @Option(names = "--quick", description = "Train for " + DemoConfig.QUICK_STEPS
            + " steps only (seconds): shows every output, but the model is poor.")
    boolean quick;

    @Option(names = "--max-time", paramLabel = "SECONDS", defaultValue = "160",
            description = "Stop training after this long even if the schedule is not done (default: ${DEFAULT-VALUE}; 0: no limit).")
    long maxTime;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar: one line per epoch.")
    boolean quiet;

    @Override
    public Integer call() {
        CommandLine cmd = spec.commandLine();
        if (threads != null && threads < 1) {
            throw new ParameterException(cmd, "--threads must be >= 1, got " + threads);
        }
        if (maxTime < 0) {
            throw new ParameterException(cmd, "--max-time must be >= 0 seconds, got " + maxTime);
        }
        long started = System.nanoTime();
        PrintWriter stdout = cmd.getOut();
        RunDirectory dir = new RunDirectory(out);
        DemoDirectory.prepare(dir, force);
        Path data = dir.resolve(DemoDirectory.DATA);
        DemoData.copyTo(data);
        RunConfig config = DemoConfig.of(data.resolve(DemoData.CONFIG), dir.root(), seed, threads, quick);
        int usedThreads = TrainingRun.applyThreads(config);
        // the words printed at the end, known before training: the run's one report shows the same words
        Path sampleWords = DemoReport.samples(DemoData.lines(DemoData.DEV), SAMPLES, data.resolve(DemoReport.SAMPLES));

        stdout.println("seq2seq4j demo: learning English pronunciation from spelling (CMUdict, letters -> ARPAbet phonemes)");
        stdout.printf(Locale.ROOT, "training on %s on %d thread%s%s; Ctrl-C stops and keeps the best model so far%n",
                describe(), usedThreads, usedThreads == 1 ? "" : "s", quick ? " (--quick: "
                        + DemoConfig.QUICK_STEPS + " steps)" : "");
        stdout.flush();

        List<TimeLimit> limit = new ArrayList<>();
        List<Function<Trainer, TrainingListener>> extra = new ArrayList<>();
        if (maxTime > 0) {
            extra.add(t -> {
                TimeLimit l = new TimeLimit(t, Duration.ofSeconds(maxTime));
                limit.add(l);
                return l;
            });
        }
        PrintStream bar = quiet || !Terminals.stderrIsTerminal() ? null : System.err;
        List<String> header = List.of("seq2seq4j " + VersionInfo.version() + " demo, "
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")),
                "command: seq2seq4j " + String.join(" ", cmd.getParseResult().originalArgs()));
        long trainStart = System.nanoTime();
        TrainingRun.Outcome outcome = new TrainingRun(config, cmd.getErr(), bar, extra).reportSamples(sampleWords, SAMPLES)
                .fresh(true, header);
        long trained = System.nanoTime();
        if (!limit.isEmpty() && limit.get(0).reached()) {
            stdout.printf(Locale.ROOT, "note: training stopped at the %d s time limit (--max-time) before its schedule "
                    + "ended; this machine is slower or busier than the demo assumes%n", maxTime);
        }

        Seq2SeqModel model = Seq2SeqModel.load(dir.root()); // what translate --model will load
        G2pEvaluation eval = G2pEvaluation.of(model, DemoData.lines(DemoData.DEV));
        List<WordResult> samples = SampleTable.pick(eval.words(), SAMPLES);
        List<Path> heatmaps = DemoReport.heatmaps(samples, HEATMAPS, dir.root());
        Path report = dir.resolve(DemoReport.REPORT).resolve(HtmlReport.INDEX); // written by the run, with these words

        stdout.println();
        DemoSummary.results(stdout, eval, samples);
        Trainer.Result result = outcome.result();
        boolean best = result.best() != null && outcome.source().endsWith("best");
        stdout.printf(Locale.ROOT, "model: %s, step %,d of %,d%s; took %s, training %s%n",
                DemoSummary.relative(dir.root(), outcome.source()), best ? result.best().step() : result.steps(),
                result.steps(), best ? " (the best dev accuracy)" : "", DemoSummary.duration(System.nanoTime() - started),
                DemoSummary.duration(trained - trainStart));
        stdout.println();
        DemoSummary.outputs(stdout, out.toString(), dir.root(), heatmaps, Files.isRegularFile(report) ? report : null);
        stdout.flush();
        return 0;
    }

    /** "9,605 words (10,278 pronunciations) of the CMU Pronouncing Dictionary". */
    private static String describe() {
        List<String> lines = DemoData.lines(DemoData.TRAIN);
        long words = lines.stream().map(l -> l.substring(0, l.indexOf('\t'))).distinct().count();
        return String.format(Locale.ROOT, "%,d words (%,d pronunciations) of the CMU Pronouncing Dictionary",
                words, lines.size());
    }
}
