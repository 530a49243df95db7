package io.github.seq2seq4j.cli;

import io.github.seq2seq4j.train.StepReport;
import io.github.seq2seq4j.train.Trainer;
import io.github.seq2seq4j.train.TrainingListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;

/** Helpers for in-process {@code train} runs: tiny data, configs, and a stop at a chosen step. */
final class TrainRuns {
    static final String WORDS = "hello\thola\ncat\tgato\ngood\tbueno\n";

    private TrainRuns() {}

    static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A small config exercising every source of randomness: dropout, sampling, shuffling, two batches an epoch. */
    static String smallConfig(String extra) {
        return String.join("\n",
                "data:",
                "  train: words.tsv",
                "  dev: words.tsv",
                "  batch_size: 2",
                "model:",
                "  cell: lstm",
                "  embedding_size: 8",
                "  hidden_size: 12",
                "  dropout: 0.2",
                "training:",
                "  epochs: 4",
                "  learning_rate: 0.01",
                "  teacher_forcing: 0.8",
                "  early_stop_metric: acc",
                "  dev_metrics: [chrf]",
                extra,
                "");
    }

    /** Runs {@code train} in-process; when {@code stopAt} > 0 a listener requests a stop after that step. */
    static CliRun train(long stopAt, String... args) {
        CommandLine cmd = Main.commandLine();
        TrainCommand train = (TrainCommand) cmd.getSubcommands().get("train").getCommand();
        if (stopAt > 0) {
            train.listeners.add(t -> stopAfter(t, stopAt));
        }
        String[] all = new String[args.length + 1];
        all[0] = "train";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliRun.on(cmd, all);
    }

    private static TrainingListener stopAfter(Trainer t, long step) {
        return new TrainingListener() {
            @Override
            public void onStep(StepReport r) {
                if (r.step() == step) {
                    t.requestStop();
                }
            }
        };
    }

    static List<String> lines(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static java.util.Set<java.nio.file.attribute.PosixFilePermission> permissions(Path file) {
        try {
            return Files.getPosixFilePermissions(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
