package io.github.seq2seq4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.seq2seq4j.autograd.Graph;
import io.github.seq2seq4j.data.Batch;
import io.github.seq2seq4j.kernels.Parallel;
import io.github.seq2seq4j.model.AttentionType;
import io.github.seq2seq4j.model.Encoded;
import io.github.seq2seq4j.model.EncoderDecoder;
import io.github.seq2seq4j.model.ModelConfig;
import io.github.seq2seq4j.nn.CellType;
import io.github.seq2seq4j.nn.Module;
import io.github.seq2seq4j.tensor.Arena;
import io.github.seq2seq4j.tensor.Rng;
import io.github.seq2seq4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DataParallelStepTest {
    private static final int VOCAB = 11;
    private final int defaultThreads = Parallel.threads();

    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(defaultThreads);
    }

    static Batch batch(long seed, int rows) {
        return RandomBatches.of(seed, rows, VOCAB, 1, 7, 0, 8);
    }

    static EncoderDecoder model(ModelConfig cfg) {
        EncoderDecoder m = new EncoderDecoder(cfg, VOCAB, VOCAB);
        m.initDefault(new Rng(3));
        return m;
    }

    /** Loss and a copy of every gradient from one graph on one thread. */
    static double oneGraph(EncoderDecoder m, Batch b, float smoothing, Map<String, float[]> grads) {
        m.zeroGrad();
        try (Graph g = Graph.of(true, new Arena())) {
            Encoded enc = m.encode(g, b.src(), b.srcLen(), b.srcWidth());
            Tensor loss = m.teacherForcedLoss(g, enc, b.tgtIn(), b.tgtOut(), b.tgtWidth(), smoothing);
            g.backward(loss);
            for (Map.Entry<String, Tensor> e : m.namedParameters().entrySet()) {
                grads.put(e.getKey(), e.getValue().grad().toArray());
            }
            return loss.item();
        }
    }

    static final ModelConfig[] CONFIGS = {
        new ModelConfig(CellType.GRU, 6, 8, 1, true, AttentionType.BAHDANAU, 0, 0f, false, "char"),
        new ModelConfig(CellType.LSTM, 6, 8, 2, true, AttentionType.LUONG_GENERAL, 0, 0f, false, "char"),
        new ModelConfig(CellType.RNN_TANH, 8, 8, 1, false, AttentionType.LUONG_DOT, 0, 0f, true, "char"),
        new ModelConfig(CellType.GRU, 5, 7, 2, false, AttentionType.NONE, 0, 0f, false, "char"),
        new ModelConfig(CellType.LSTM, 5, 6, 1, true, AttentionType.LUONG_CONCAT, 4, 0f, false, "char"),
    };

    @Test
    void partsGiveTheLossAndGradientsOfTheWholeBatch() {
        for (ModelConfig cfg : CONFIGS) {
            for (int threads : new int[] {2, 3}) {
                Batch b = batch(threads * 31L, 9);
                EncoderDecoder m = model(cfg);
                Map<String, float[]> expected = new java.util.LinkedHashMap<>();
                Parallel.setThreads(1);
                double want = oneGraph(m, b, 0.1f, expected);

                Parallel.setThreads(threads);
                DataParallelStep dp = new DataParallelStep(m, Graph.of(true, new Arena()), threads);
                m.zeroGrad();
                double got = dp.lossAndGradients(b, 0.1f);
                String what = cfg.cell() + "/" + cfg.attention() + "/" + cfg.layers() + " layers on " + threads + " threads";
                assertEquals(want, got, 1e-6 * Math.abs(want), what + ": loss");
                for (Map.Entry<String, Tensor> e : m.namedParameters().entrySet()) {
                    float[] w = expected.get(e.getKey());
                    float[] g = e.getValue().grad().toArray();
                    double scale = 0;
                    for (float v : w) {
                        scale = Math.max(scale, Math.abs(v));
                    }
                    for (int i = 0; i < w.length; i++) {
                        assertEquals(w[i], g[i], 1e-5 * scale + 1e-7, what + ": " + e.getKey() + "[" + i + "]");
                    }
                }
            }
        }
    }

    @Test
    void theSameThreadCountGivesTheSameBitsWithDropout() {
        ModelConfig cfg = new ModelConfig(CellType.GRU, 6, 8, 1, true, AttentionType.BAHDANAU, 0, 0.3f, false, "char");
        Batch b = batch(5, 13);
        Parallel.setThreads(2);
        float[][] runs = new float[2][];
        double[] losses = new double[2];
        for (int run = 0; run < 2; run++) {
            EncoderDecoder m = model(cfg);
            m.setDropoutRng(new Rng(77));
            DataParallelStep dp = new DataParallelStep(m, Graph.of(true, new Arena()), 2);
            losses[run] = dp.lossAndGradients(b, 0f);
            runs[run] = m.namedParameters().get("decoder.weight_hh_l0").grad().toArray();
            assertTrue(losses[run] > 0 && Double.isFinite(losses[run]));
        }
        assertEquals(losses[0], losses[1]);
        assertArrayEquals(runs[0], runs[1]);
    }

    @Test
    void aReplicasGradientsDoNotLeakIntoTheNextStep() {
        ModelConfig cfg = CONFIGS[0];
        Batch b = batch(8, 10);
        Parallel.setThreads(2);
        EncoderDecoder m = model(cfg);
        DataParallelStep dp = new DataParallelStep(m, Graph.of(true, new Arena()), 2);
        m.zeroGrad();
        dp.lossAndGradients(b, 0f);
        float[] first = m.namedParameters().get("output.weight").grad().toArray();
        m.zeroGrad();
        dp.lossAndGradients(b, 0f); // same weights, same batch: the same gradient, not twice the replica's
        assertArrayEquals(first, m.namedParameters().get("output.weight").grad().toArray());
    }

    @Test
    void dealingCoversEveryRowOnceAndBalancesTheTargets() {
        Batch b = batch(21, 17);
        for (int n : new int[] {2, 3, 5, 17, 40}) {
            Batch[] parts = DataParallelStep.deal(b, n);
            assertEquals(Math.min(n, 17), parts.length);
            List<Long> seen = new ArrayList<>();
            int tokens = 0;
            int most = 0;
            int least = Integer.MAX_VALUE;
            for (Batch p : parts) {
                for (long ix : p.indices()) {
                    seen.add(ix);
                }
                tokens += p.targetTokens();
                most = Math.max(most, p.targetTokens());
                least = Math.min(least, p.targetTokens());
            }
            assertEquals(17, seen.size());
            assertEquals(17, seen.stream().distinct().count(), "each row in exactly one part");
            assertEquals(b.targetTokens(), tokens);
            assertTrue(most - least <= 9, "round-robin over rows ranked by length: " + most + " vs " + least);
        }
    }

    @Test
    void aReplicaSharesTheWeightsAndOwnsItsGradients() {
        EncoderDecoder m = model(CONFIGS[1]);
        EncoderDecoder r = Module.replicaOf(m, () -> new EncoderDecoder(m.config(), VOCAB, VOCAB));
        Map<String, Tensor> mine = m.stateDict();
        for (Map.Entry<String, Tensor> e : r.stateDict().entrySet()) {
            Tensor t = mine.get(e.getKey());
            assertSame(t.data(), e.getValue().data(), e.getKey());
            assertNotSame(t.grad().data(), e.getValue().grad().data(), e.getKey());
        }
        m.namedParameters().get("output.bias").data()[0] = 42f; // an optimizer step on the model...
        assertEquals(42f, r.namedParameters().get("output.bias").get(0)); // ...is seen by the replica
        ModelConfig other = new ModelConfig(CellType.GRU, 6, 8, 2, true, AttentionType.BAHDANAU, 0, 0f, false, "char");
        assertThrows(IllegalStateException.class,
                () -> Module.replicaOf(m, () -> new EncoderDecoder(other, VOCAB, VOCAB)));
        assertThrows(IllegalStateException.class,
                () -> Module.replicaOf(m, () -> new EncoderDecoder(m.config(), VOCAB + 1, VOCAB)));
    }
}
