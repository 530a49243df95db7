package io.github.seq2seq4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.seq2seq4j.Seq2SeqModel;
import io.github.seq2seq4j.data.CharTokenizer;
import io.github.seq2seq4j.io.ModelBundle;
import io.github.seq2seq4j.kernels.Parallel;
import io.github.seq2seq4j.model.AttentionType;
import io.github.seq2seq4j.model.EncoderDecoder;
import io.github.seq2seq4j.model.ModelConfig;
import io.github.seq2seq4j.nn.CellType;
import io.github.seq2seq4j.tensor.Rng;
import io.github.seq2seq4j.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {
    static final ModelConfig CFG = new ModelConfig(CellType.LSTM, 8, 12, 2, true, AttentionType.BAHDANAU, 0, 0.2f, false, "char");

    static ToyData reversal(int n, long seed) {
        Rng rng = new Rng(seed);
        List<String[]> pairs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StringBuilder sb = new StringBuilder();
            int len = 3 + rng.nextInt(5);
            for (int j = 0; j < len; j++) {
                sb.append((char) ('a' + rng.nextInt(6)));
            }
            pairs.add(new String[] {sb.toString(), sb.reverse().toString()});
        }
        return new ToyData(pairs, new CharTokenizer());
    }

    /** Dropout, scheduled sampling, shuffling and a plateau schedule: every source of randomness and state. */
    static TrainOptions options() {
        return new TrainOptions().epochs(3).learningRate(0.01f).seed(11).teacherForcing(0.8f)
                .schedule("plateau").plateauPatience(0).decayFactor(0.5f).earlyStopMetric("acc");
    }

    static EncoderDecoder freshModel(ToyData data, long seed) {
        EncoderDecoder net = new EncoderDecoder(CFG, data.src.size(), data.tgt.size());
        net.initDefault(new Rng(seed));
        return net;
    }

    static Checkpoints checkpoints(Path dir, ToyData data) {
        return new Checkpoints(dir, (d, model) -> ModelBundle.writeInto(d, CFG, data.src, data.tgt, model, null));
    }

    static final class LossLog implements TrainingListener {
        final List<Double> losses = new ArrayList<>();
        final List<String> messages = new ArrayList<>();
        final long stopAt;
        Trainer trainer;

        LossLog(long stopAt) {
            this.stopAt = stopAt;
        }

        @Override
        public void onStep(StepReport r) {
            losses.add(r.loss());
            if (r.step() == stopAt) {
                trainer.requestStop();
            }
        }

        @Override
        public void onMessage(String m) {
            messages.add(m);
        }
    }

    static List<Double> run(ToyData data, EncoderDecoder net, Checkpoints ckpt, long stopAt, Checkpoints.Loaded resume) {
        return run(data, net, ckpt, stopAt, resume, options());
    }

    static List<Double> run(ToyData data, EncoderDecoder net, Checkpoints ckpt, long stopAt, Checkpoints.Loaded resume,
                            TrainOptions options) {
        Trainer t = new Trainer(net, options);
        LossLog log = new LossLog(stopAt);
        log.trainer = t;
        t.addListener(log);
        if (ckpt != null) {
            t.checkpoints(ckpt);
        }
        if (resume != null) {
            t.restore(resume.state(), resume.optimizerState());
        }
        t.train(data.batcher(6, 4), data.dev(data.examples.subList(0, 10)));
        return log.losses;
    }

    @Test
    void trainingGivesItsScratchMemoryBackWhenItEnds() {
        ToyData data = reversal(20, 1);
        Trainer t = new Trainer(freshModel(data, 2), options().epochs(1));
        long[] largest = {0};
        t.addListener(new TrainingListener() {
            @Override
            public void onStep(StepReport r) {
                largest[0] = Math.max(largest[0], t.lastStepScratchFloats());
            }
        });
        t.train(data.batcher(6, 4), data.dev(data.examples.subList(0, 5)));
        assertTrue(largest[0] > 1000, "a step of this model holds activations: " + largest[0]);
        assertEquals(0, t.lastStepScratchFloats());
    }

    @Test
    void sameSeedGivesTheSameLossCurve() {
        ToyData data = reversal(40, 1);
        List<Double> a = run(data, freshModel(data, 2), null, -1, null);
        List<Double> b = run(data, freshModel(data, 2), null, -1, null);
        assertEquals(21, a.size());
        assertEquals(a, b);
        assertTrue(a.get(a.size() - 1) < a.get(0), "loss decreases");
    }

    @Test
    void keepCheckpointsLeavesTheModelsOfTheLastValidationsForAveraging(@TempDir Path dir) {
        ToyData data = reversal(40, 1);
        EncoderDecoder net = freshModel(data, 2);
        Trainer t = new Trainer(net, options().validateEvery(2).keepCheckpoints(3));
        List<String> saved = new ArrayList<>();
        t.addListener(new TrainingListener() {
            @Override
            public void onCheckpoint(String name, Path d) {
                saved.add(name);
            }
        });
        t.checkpoints(checkpoints(dir, data));
        t.train(data.batcher(6, 4), data.dev(data.examples.subList(0, 10)));
        List<String> snapshots = Checkpoints.snapshots(dir).stream().map(p -> p.getFileName().toString()).toList();
        // 21 steps, validations at 2, 4, ..., 20: the last 3 are kept, the older ones deleted.
        assertEquals(List.of("step-00000016", "step-00000018", "step-00000020"), snapshots);
        assertTrue(saved.containsAll(List.of("step-00000002", "step-00000016", "step-00000020")), saved.toString());
        // A snapshot is a model bundle of that step's weights.
        float w18 = Seq2SeqModel.load(dir.resolve("step-00000018")).network().stateDict().get("output.weight").get(0, 0);
        float w20 = Seq2SeqModel.load(dir.resolve("step-00000020")).network().stateDict().get("output.weight").get(0, 0);
        assertTrue(w18 != w20, "different steps, different weights");
    }

    @Test
    void aResumedRunContinuesExactlyAsAnUninterruptedOne(@TempDir Path dir) {
        ToyData data = reversal(40, 1);
        List<Double> whole = run(data, freshModel(data, 2), null, -1, null);
        Checkpoints ckpt = checkpoints(dir, data);
        List<Double> first = run(data, freshModel(data, 2), ckpt, 9, null); // stops mid-epoch 2
        assertEquals(9, first.size());
        Path last = ckpt.dir("last");
        EncoderDecoder resumed = freshModel(data, 99); // different init: everything must come from the checkpoint
        resumed.loadStateDict(Seq2SeqModel.load(last).network().stateDict());
        List<Double> rest = run(data, resumed, null, -1, Checkpoints.load(last));
        List<Double> joined = new ArrayList<>(first);
        joined.addAll(rest);
        assertEquals(whole, joined);
    }

    @Test
    void aDataParallelRunIsRepeatableResumableAndClose(@TempDir Path dir) {
        int threads = Parallel.threads();
        Parallel.setThreads(2);
        try {
            ToyData data = reversal(40, 1);
            TrainOptions dp = options().teacherForcing(1f).dataParallel(true); // dropout 0.2 from CFG
            List<Double> whole = run(data, freshModel(data, 2), null, -1, null, dp);
            assertEquals(whole, run(data, freshModel(data, 2), null, -1, null, dp), "same seed, same threads");
            Checkpoints ckpt = checkpoints(dir, data);
            List<Double> first = run(data, freshModel(data, 2), ckpt, 9, null, dp);
            Path last = ckpt.dir("last");
            EncoderDecoder resumed = freshModel(data, 99);
            resumed.loadStateDict(Seq2SeqModel.load(last).network().stateDict());
            List<Double> joined = new ArrayList<>(first);
            joined.addAll(run(data, resumed, null, -1, Checkpoints.load(last), dp));
            assertEquals(whole, joined, "a resumed data-parallel run continues exactly");
            // Without dropout the parts compute the same mean loss as one graph, up to rounding.
            TrainOptions noDropout = options().teacherForcing(1f).epochs(1);
            EncoderDecoder a = freshModel(data, 2);
            EncoderDecoder b = freshModel(data, 2);
            a.setDropoutRng(new Rng(1));
            List<Double> kernels = runWithoutDropout(data, a, noDropout);
            List<Double> parts = runWithoutDropout(data, b, noDropout.dataParallel(true));
            assertEquals(kernels.size(), parts.size());
            assertEquals(kernels.get(0), parts.get(0), 1e-6 * kernels.get(0), "first step: same weights, same batch");
            for (int i = 0; i < kernels.size(); i++) {
                assertEquals(kernels.get(i), parts.get(i), 1e-3 * kernels.get(i), "step " + (i + 1));
            }
        } finally {
            Parallel.setThreads(threads);
        }
    }

    private static List<Double> runWithoutDropout(ToyData data, EncoderDecoder like, TrainOptions options) {
        ModelConfig cfg = new ModelConfig(CFG.cell(), CFG.embeddingSize(), CFG.hiddenSize(), CFG.layers(), CFG.bidirectional(),
                CFG.attention(), CFG.attentionSize(), 0f, CFG.tieOutput(), CFG.tokenizer());
        EncoderDecoder net = new EncoderDecoder(cfg, data.src.size(), data.tgt.size());
        net.loadStateDict(like.stateDict());
        return run(data, net, null, -1, null, options);
    }

    @Test
    void nonFiniteStepsAreSkippedThenTrainingStopsWithTheCheckpointIntact(@TempDir Path dir) {
        ToyData data = reversal(40, 1);
        EncoderDecoder net = freshModel(data, 2);
        Checkpoints ckpt = checkpoints(dir, data);
        run(data, net, ckpt, 5, null);
        byte[] before = readWeights(ckpt.dir("last"));
        Tensor w = net.namedParameters().get("decoder.weight_hh_l0");
        w.data()[w.offset()] = Float.NaN; // poison: every later loss is NaN
        Trainer t = new Trainer(net, options().maxBadSteps(3)).checkpoints(ckpt);
        LossLog log = new LossLog(-1);
        t.addListener(log);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> t.train(data.batcher(6, 4), data.dev(data.examples.subList(0, 10))));
        assertTrue(e.getMessage().contains("3 consecutive steps"), e.getMessage());
        assertEquals(3, log.losses.size());
        assertTrue(log.messages.stream().anyMatch(m -> m.contains("skipped a step")));
        assertEquals(java.util.Arrays.toString(before), java.util.Arrays.toString(readWeights(ckpt.dir("last"))));
        assertFalse(Float.isNaN(Seq2SeqModel.load(ckpt.dir("last")).network().namedParameters().get("decoder.weight_hh_l0").at(0)));
    }

    @Test
    void earlyStoppingAfterPatienceValidationsWithoutImprovement() {
        ToyData data = reversal(40, 1);
        TrainOptions o = options().epochs(50).learningRate(1e-6f).schedule("constant").validateEvery(2)
                .earlyStopMetric("acc").patience(2);
        Trainer t = new Trainer(freshModel(data, 2), o);
        // a tiny learning rate leaves the greedy outputs, so the accuracy, unchanged: no improvement
        Trainer.Result r = t.train(data.batcher(6, 4), data.dev(data.examples.subList(0, 10)));
        assertTrue(r.stopReason().startsWith("early stopping"), r.stopReason());
        assertTrue(r.steps() < 50 * 7);
        assertTrue(r.best() != null && r.last() != null);
    }

    private static byte[] readWeights(Path dir) {
        try {
            return Files.readAllBytes(dir.resolve(ModelBundle.WEIGHTS));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
