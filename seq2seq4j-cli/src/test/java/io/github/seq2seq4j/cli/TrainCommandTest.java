package io.github.seq2seq4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.seq2seq4j.Seq2SeqModel;
import io.github.seq2seq4j.cli.config.RunConfig;
import io.github.seq2seq4j.cli.config.YamlConfigReader;
import io.github.seq2seq4j.cli.report.MetricsCsv;
import io.github.seq2seq4j.io.ModelBundle;
import io.github.seq2seq4j.kernels.Parallel;
import io.github.seq2seq4j.train.Checkpoints;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code seq2seq4j train} in-process: the output directory, flags over YAML, resume, errors. */
class TrainCommandTest {
    @TempDir
    Path tmp;

    private Path config(String extra) {
        TrainRuns.write(tmp.resolve("words.tsv"), TrainRuns.WORDS);
        return TrainRuns.write(tmp.resolve("run.yaml"), TrainRuns.smallConfig(extra));
    }

    @Test
    void writesTheFinalModelCheckpointsLogMetricsAndEffectiveConfig() {
        Path cfg = config("");
        Path out = tmp.resolve("out");
        CliRun r = TrainRuns.train(0, "--config", cfg.toString(), "--out", out.toString(), "--epochs", "3");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.out());
        // summary lines: one per validation (stderr is not a terminal here), then the outcome
        assertEquals(3, r.err().lines().filter(l -> l.startsWith("epoch ") && l.contains("| dev loss")).count(), r.err());
        assertTrue(r.err().contains("finished after 6 steps: completed 3 epochs"), r.err());

        Seq2SeqModel model = Seq2SeqModel.load(out); // the final model loads
        assertEquals("lstm", model.config().cell().configName());
        for (String name : List.of("last", "best")) {
            assertTrue(Files.isRegularFile(out.resolve("checkpoints").resolve(name).resolve(Checkpoints.TRAINER)), name);
        }
        Map<?, ?> best = (Map<?, ?>) io.github.seq2seq4j.io.Json.read(out.resolve("checkpoints/best/trainer.json"));
        // the final model is the best checkpoint's
        assertArrayEquals(TrainRuns.bytes(out.resolve("checkpoints/best").resolve(ModelBundle.WEIGHTS)),
                TrainRuns.bytes(out.resolve(ModelBundle.WEIGHTS)), "final model = best, step " + best.get("step"));

        List<String> metrics = TrainRuns.lines(out.resolve("metrics.csv"));
        assertEquals(MetricsCsv.HEADER, metrics.get(0));
        assertEquals(6 * 3 + 3 * 4, metrics.size() - 1, "3 train values per step, loss/ppl/acc/chrf per validation");
        assertTrue(metrics.contains(metrics.stream().filter(l -> l.startsWith("6,3,dev,chrf,")).findFirst().orElseThrow()));
        assertTrue(metrics.get(1).startsWith("1,1,train,loss,"), metrics.get(1));

        String log = String.join("\n", TrainRuns.lines(out.resolve("train.log")));
        assertTrue(log.contains("train: " + tmp.resolve("words.tsv") + ": 3 lines: 3 pairs"), log);
        assertTrue(log.contains("validation at step 2 epoch 1: loss "), log);
        assertTrue(log.contains("saved checkpoint checkpoints/last"), log);

        // run.yaml reads back to the same configuration, with the flag's value
        RunConfig effective = RunConfig.of(YamlConfigReader.read(out.resolve("run.yaml")), Map.of());
        assertEquals(3, effective.integer("training.epochs"));
        assertEquals(out.toAbsolutePath(), effective.path("out"));
        assertEquals(0.2, effective.number("model.dropout"), 1e-9);
        assertEquals(List.of("chrf"), effective.list("training.dev_metrics"));

        // every run file is an ordinary file with the umask's permissions (those of train.log), not 0600
        if (out.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            var expected = TrainRuns.permissions(out.resolve("train.log"));
            for (String f : List.of("metrics.csv", "run.yaml", ModelBundle.CONFIG, ModelBundle.WEIGHTS, "report/index.html")) {
                assertEquals(expected, TrainRuns.permissions(out.resolve(f)), f);
            }
        }
    }

    @Test
    void aStoppedRunResumedThroughTheCommandLineEndsExactlyAsAnUninterruptedOne() {
        Path cfg = config("");
        Path whole = tmp.resolve("whole");
        Path parts = tmp.resolve("parts");
        assertEquals(0, TrainRuns.train(0, "--config", cfg.toString(), "--out", whole.toString()).code());
        CliRun first = TrainRuns.train(3, "--config", cfg.toString(), "--out", parts.toString()); // stops mid-epoch 2
        assertEquals(0, first.code(), first.err());
        assertTrue(first.err().contains("stop requested"), first.err());
        assertTrue(first.err().contains("continue with: seq2seq4j train --resume " + parts.toAbsolutePath()), first.err());
        CliRun rest = TrainRuns.train(0, "--resume", parts.toString());
        assertEquals(0, rest.code(), rest.err());
        assertTrue(rest.err().contains("resumed at step 3"), rest.err());
        assertEquals(TrainRuns.lines(whole.resolve("metrics.csv")), TrainRuns.lines(parts.resolve("metrics.csv")));
        assertArrayEquals(TrainRuns.bytes(whole.resolve(ModelBundle.WEIGHTS)), TrainRuns.bytes(parts.resolve(ModelBundle.WEIGHTS)));
        assertArrayEquals(TrainRuns.bytes(whole.resolve("checkpoints/last/optimizer.safetensors")),
                TrainRuns.bytes(parts.resolve("checkpoints/last/optimizer.safetensors")));
    }

    @Test
    void resumingMayChangeTrainingOptionsButNotTheModel() {
        Path cfg = config("");
        Path out = tmp.resolve("out");
        assertEquals(0, TrainRuns.train(0, "--config", cfg.toString(), "--out", out.toString(), "--epochs", "1").code());
        CliRun model = TrainRuns.train(0, "--resume", out.toString(), "--hidden-size", "20");
        assertEquals(2, model.code());
        assertTrue(model.err().contains("--hidden-size cannot change when resuming"), model.err());
        CliRun more = TrainRuns.train(0, "--resume", out.toString(), "--epochs", "2");
        assertEquals(0, more.code(), more.err());
        assertTrue(more.err().contains("finished after 4 steps: completed 2 epochs"), more.err());
    }

    @Test
    void threadsSetsTheKernelsThreadsRecordsThemAndChangesNoResult() {
        int before = Parallel.threads();
        try {
            Path cfg = config("");
            Path one = tmp.resolve("one");
            Path two = tmp.resolve("two");
            List<Integer> seen = new ArrayList<>();
            CliRun r1 = TrainRuns.train(0, "--config", cfg.toString(), "--out", one.toString(), "--epochs", "2",
                    "--threads", "1");
            assertEquals(0, r1.code(), r1.err());
            assertEquals(1, Parallel.threads());
            CliRun r2 = TrainRuns.train(0, "--config", cfg.toString(), "--out", two.toString(), "--epochs", "2",
                    "--threads", "2");
            assertEquals(0, r2.code(), r2.err());
            assertEquals(2, Parallel.threads());
            seen.add(RunConfig.of(YamlConfigReader.read(one.resolve("run.yaml")), Map.of()).integer("threads"));
            seen.add(RunConfig.of(YamlConfigReader.read(two.resolve("run.yaml")), Map.of()).integer("threads"));
            assertEquals(List.of(1, 2), seen, "run.yaml records the setting");
            assertTrue(TrainRuns.lines(one.resolve("train.log")).stream().anyMatch(l -> l.endsWith("threads: 1")));
            assertEquals(TrainRuns.lines(one.resolve("metrics.csv")), TrainRuns.lines(two.resolve("metrics.csv")));
            assertArrayEquals(TrainRuns.bytes(one.resolve(ModelBundle.WEIGHTS)), TrainRuns.bytes(two.resolve(ModelBundle.WEIGHTS)));

            // resuming may change it; 0 is one per processor; negative is a usage error
            CliRun more = TrainRuns.train(0, "--resume", one.toString(), "--epochs", "3", "--threads", "0");
            assertEquals(0, more.code(), more.err());
            assertEquals(Runtime.getRuntime().availableProcessors(), Parallel.threads());
            CliRun bad = TrainRuns.train(0, "--config", cfg.toString(), "--out", tmp.resolve("bad").toString(),
                    "--threads", "-1");
            assertEquals(2, bad.code());
            assertTrue(bad.err().startsWith("seq2seq4j: error: --threads: must be >= 0, got -1"), bad.err());
        } finally {
            Parallel.setThreads(before);
        }
    }

    @Test
    void anExistingRunIsNotOverwrittenWithoutForce() {
        Path cfg = config("");
        Path out = tmp.resolve("out");
        assertEquals(0, TrainRuns.train(0, "--config", cfg.toString(), "--out", out.toString(), "--epochs", "1").code());
        CliRun again = TrainRuns.train(0, "--config", cfg.toString(), "--out", out.toString(), "--epochs", "1");
        assertEquals(1, again.code());
        assertEquals(List.of("seq2seq4j: error: " + out.toAbsolutePath() + " already holds a training run; continue it with"
                + " --resume " + out.toAbsolutePath() + ", start over with --force, or choose another output directory"), again.errLines());
        CliRun forced = TrainRuns.train(0, "--config", cfg.toString(), "--out", out.toString(), "--epochs", "1", "--force");
        assertEquals(0, forced.code(), forced.err());
    }

    @Test
    void bpeMergesAreLearnedFromTheTrainingDataAndSavedWithTheModel() {
        Path cfg = config("");
        Path out = tmp.resolve("out");
        CliRun r = TrainRuns.train(0, "--config", cfg.toString(), "--out", out.toString(), "--epochs", "1",
                "--tokenizer", "bpe", "--bpe-merges", "5");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("bpe: learned "), r.err());
        assertTrue(Files.isRegularFile(out.resolve(ModelBundle.BPE_MERGES)));
        Seq2SeqModel m = Seq2SeqModel.load(out);
        assertEquals("bpe", m.config().tokenizer());
        assertFalse(m.bpe().merges().isEmpty());
    }

    @Test
    void alignedFilesAndLengthLimitsSkipAndCountLongPairs() {
        TrainRuns.write(tmp.resolve("src.txt"), "hello\ncat\ngood\n");
        TrainRuns.write(tmp.resolve("tgt.txt"), "hola\ngato\nbueno\n");
        Path out = tmp.resolve("out");
        CliRun r = TrainRuns.train(0, "--train-source", tmp.resolve("src.txt").toString(), "--train-target",
                tmp.resolve("tgt.txt").toString(), "--max-source-len", "4", "--out", out.toString(), "--epochs", "1",
                "--embedding-size", "4", "--hidden-size", "4", "--batch-tokens", "40");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("3 lines: 2 pairs, skipped 0 blank, 0 with an empty side, 1 too long"), r.err());
        assertFalse(Files.exists(out.resolve("checkpoints/best")), "no dev set, no best");
        assertTrue(Files.isRegularFile(out.resolve(ModelBundle.WEIGHTS)), "without a dev set the final model is the last");
    }

    @Test
    void unknownKeyNamesFileLineAndTheLikelyKey() {
        Path cfg = config("  learning_rat: 0.1");
        CliRun r = TrainRuns.train(0, "--config", cfg.toString(), "--out", tmp.resolve("out").toString());
        assertEquals(1, r.code());
        assertEquals(List.of("seq2seq4j: error: " + cfg + ":16: unknown key 'learning_rat' in section 'training' "
                + "(did you mean 'training.learning_rate'?)"), r.errLines());
        Path misplaced = TrainRuns.write(tmp.resolve("b.yaml"), "out: x\ntraining:\n  hidden_size: 4\n");
        CliRun m = TrainRuns.train(0, "--config", misplaced.toString());
        assertEquals(List.of("seq2seq4j: error: " + misplaced + ":3: unknown key 'hidden_size' in section 'training' "
                + "(it belongs in section 'model')"), m.errLines());
    }

    @Test
    void badValuesNameFileLineAndKey() {
        Path cfg = config("  patience: -1");
        CliRun range = TrainRuns.train(0, "--config", cfg.toString(), "--out", tmp.resolve("out").toString());
        assertEquals(List.of("seq2seq4j: error: " + cfg + ":16: training.patience: must be >= 0, got -1"), range.errLines());
        Path typed = TrainRuns.write(tmp.resolve("t.yaml"), "model:\n  cell: gru\n  hidden_size: big\n");
        CliRun type = TrainRuns.train(0, "--config", typed.toString());
        assertEquals(List.of("seq2seq4j: error: " + typed + ":3: model.hidden_size: expected an integer, got 'big'"),
                type.errLines());
        Path choice = TrainRuns.write(tmp.resolve("c.yaml"), "model:\n  cell: transformer\n");
        assertEquals(List.of("seq2seq4j: error: " + choice + ":2: model.cell: must be one of rnn_tanh, rnn_relu, gru, lstm, "
                + "got 'transformer'"), TrainRuns.train(0, "--config", choice.toString()).errLines());
        Path syntax = TrainRuns.write(tmp.resolve("s.yaml"), "model:\n  cell: [gru\n");
        CliRun bad = TrainRuns.train(0, "--config", syntax.toString());
        assertEquals(1, bad.code());
        assertEquals(1, bad.errLines().size(), bad.err());
        assertTrue(bad.err().startsWith("seq2seq4j: error: " + syntax + ":"), bad.err());
        Path twice = TrainRuns.write(tmp.resolve("d.yaml"), "seed: 1\nseed: 2\n");
        CliRun dup = TrainRuns.train(0, "--config", twice.toString());
        assertEquals(1, dup.errLines().size(), dup.err());
        assertTrue(dup.err().contains(twice + ":2:"), dup.err());
    }

    @Test
    void badFlagsAreUsageErrorsAndCrossChecksAreOneLine() {
        CliRun flag = TrainRuns.train(0, "--epochs", "many");
        assertEquals(2, flag.code());
        assertTrue(flag.err().startsWith("seq2seq4j: error: --epochs: expected an integer, got 'many'"), flag.err());
        CliRun lr = TrainRuns.train(0, "--learning-rate", "0");
        assertEquals(2, lr.code());
        assertTrue(lr.err().contains("--learning-rate: must be > 0, got 0.0"), lr.err());
        CliRun noOut = TrainRuns.train(0, "--train", "x.tsv");
        assertEquals(List.of("seq2seq4j: error: no output directory: set 'out' in the configuration or pass --out DIR"),
                noOut.errLines());
        CliRun noData = TrainRuns.train(0, "--out", tmp.resolve("o").toString());
        assertEquals(1, noData.code());
        assertTrue(noData.err().contains("no training data"), noData.err());
        CliRun tie = TrainRuns.train(0, "--train", "x.tsv", "--out", tmp.resolve("o").toString(), "--tie-output", "true",
                "--embedding-size", "8", "--hidden-size", "16");
        assertEquals(1, tie.code());
        assertEquals(1, tie.errLines().size(), tie.err());
        assertTrue(tie.err().contains("tie_output needs embedding_size == hidden_size"), tie.err());
    }

    @Test
    void helpListsEveryConfigurationKeyAsAFlagBySection() {
        CliRun r = CliRun.of("train", "--help");
        assertEquals(0, r.code());
        for (var k : io.github.seq2seq4j.cli.config.ConfigSchema.keys()) {
            assertTrue(r.out().contains(k.flag() + "="), k.flag());
        }
        assertTrue(r.out().contains("Model settings (YAML section model):"), r.out());
        assertTrue(r.out().contains("--resume=DIR"), r.out());
    }
}
