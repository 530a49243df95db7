package io.github.seq2seq4j.cli;

import io.github.seq2seq4j.cli.config.ConfigFlags;
import io.github.seq2seq4j.cli.config.ConfigSchema;
import io.github.seq2seq4j.cli.config.RunConfig;
import io.github.seq2seq4j.cli.config.Section;
import io.github.seq2seq4j.cli.config.Setting;
import io.github.seq2seq4j.cli.config.YamlConfigReader;
import io.github.seq2seq4j.cli.train.RunDirectory;
import io.github.seq2seq4j.cli.train.Terminals;
import io.github.seq2seq4j.cli.train.TrainingRun;
import io.github.seq2seq4j.train.Trainer;
import io.github.seq2seq4j.train.TrainingListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * {@code seq2seq4j train}: trains a model from a YAML configuration, flags, or both (flags win),
 * or continues an interrupted run with {@code --resume}. The configuration keys and their flags
 * come from {@link ConfigSchema}; see docs/configuration.md.
 */
@Command(
        name = "train",
        header = "Train a model (YAML configuration and/or flags).",
        customSynopsis = {
            "seq2seq4j train [--config FILE] [--KEY VALUE]... [--force] [-q]",
            "   or: seq2seq4j train --resume DIR [--TRAINING-KEY VALUE]... [-q]"
        },
        description = {
            "Train an encoder-decoder on parallel text and write OUT: the final model (the best "
                + "checkpoint by training.early_stop_metric, or the last one without a dev set), "
                + "checkpoints/last and checkpoints/best, train.log, metrics.csv, the effective "
                + "configuration run.yaml and the HTML report report/index.html. Every configuration key is also a flag; flags override the YAML "
                + "file. Relative paths in a YAML file are relative to that file; on the command line, to the"
                + " working directory.",
            "",
            "Ctrl-C stops after the current step and saves checkpoints/last; --resume OUT continues "
                + "exactly where it stopped (model, optimizer, schedule, random state, data). A live progress"
                + " bar is shown when standard error is a terminal (not with --quiet); otherwise one summary "
                + "line per validation."
        },
        sortOptions = false,
        footerHeading = "%nExamples:%n",
        footer = {
            "  seq2seq4j train --config examples/words-en-es-tiny.yaml",
            "  seq2seq4j train --config examples/cmudict-g2p.yaml --epochs 1 --max-steps 200 --out "
                + "runs/g2p-try",
            "  seq2seq4j train --train data/pairs.tsv --tokenizer whitespace --out runs/mine",
            "  seq2seq4j train --resume runs/g2p-try --epochs 20"
        })
public final class TrainCommand implements Callable<Integer> {
    /**
     * Keys outside the training section that a resumed run may change: where the data files are, and
     * the thread count (results do not depend on it, or only by rounding with data-parallel training).
     */
    private static final Set<String> RESUMABLE_OTHER = Set.of("data.train", "data.train_source", "data.train_target",
            "data.dev", "data.dev_source", "data.dev_target", "threads");

    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "The YAML configuration (see docs/configuration.md).")
    Path config;

    @Option(names = "--resume", paramLabel = "DIR", description = "Continue the run in DIR from DIR/checkpoints/last, "
            + "with DIR/run.yaml as configuration; training flags, data paths and --threads may change it (e.g. more "
            + "--epochs).")
    Path resume;

    @Option(names = "--force", description = "Start a new run even if OUT holds one (its run files are replaced).")
    boolean force;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar: one summary line per validation.")
    boolean quiet;

    /** Listeners made from the trainer; tests use this to stop a run at a chosen step. */
    final List<Function<Trainer, TrainingListener>> listeners = new ArrayList<>();

    /** The command with one flag per configuration key, as {@link Main} adds it. */
    static CommandLine commandLine() {
        CommandSpec spec = CommandSpec.forAnnotatedObject(new TrainCommand());
        ConfigFlags.addTo(spec);
        return new CommandLine(spec);
    }

    @Override
    public Integer call() {
        CommandLine cmd = spec.commandLine();
        Map<String, Setting> flags = ConfigFlags.parsed(cmd.getParseResult());
        List<String> header = List.of("seq2seq4j " + VersionInfo.version() + " train, "
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")),
                "command: seq2seq4j " + String.join(" ", cmd.getParseResult().originalArgs()));
        java.io.PrintStream bar = quiet || !Terminals.stderrIsTerminal() ? null : System.err;
        if (resume != null) {
            if (config != null || force) {
                throw new ParameterException(cmd, "--resume reads DIR/run.yaml; do not combine it with "
                        + (config != null ? "--config" : "--force"));
            }
            for (String path : flags.keySet()) {
                ConfigSchema.byPath(path).filter(k -> k.section() != Section.TRAINING && !RESUMABLE_OTHER.contains(path))
                        .ifPresent(k -> {
                            throw new ParameterException(cmd, k.flag() + " cannot change when resuming: the checkpoint "
                                    + "fixes the model, vocabularies and batching (training options, data paths and threads can change)");
                        });
            }
            RunDirectory dir = new RunDirectory(resume);
            if (!Files.isRegularFile(dir.resolve(RunDirectory.RUN_YAML))) {
                throw new io.github.seq2seq4j.InputException(dir.root() + " has no " + RunDirectory.RUN_YAML
                        + "; is it the output directory of seq2seq4j train?");
            }
            RunConfig rc = RunConfig.of(YamlConfigReader.read(dir.resolve(RunDirectory.RUN_YAML)), flags)
                    .with("out", dir.root(), "--resume").validate();
            new TrainingRun(rc, cmd.getErr(), bar, listeners).resume(header);
            return 0;
        }
        Map<String, Setting> yaml = config == null ? Map.of() : YamlConfigReader.read(config);
        RunConfig rc = RunConfig.of(yaml, flags).validate();
        new TrainingRun(rc, cmd.getErr(), bar, listeners).fresh(force, header);
        return 0;
    }
}
