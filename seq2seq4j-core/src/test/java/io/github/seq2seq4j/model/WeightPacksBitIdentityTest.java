package io.github.seq2seq4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.seq2seq4j.autograd.FrozenPacks;
import io.github.seq2seq4j.autograd.Graph;
import io.github.seq2seq4j.autograd.WeightPacks;
import io.github.seq2seq4j.nn.CellType;
import io.github.seq2seq4j.ops.Softmax;
import io.github.seq2seq4j.tensor.Arena;
import io.github.seq2seq4j.tensor.Rng;
import io.github.seq2seq4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Weights packed once per batch or decoding run (WeightPacks), or once for good (FrozenPacks),
 * change no bit: the training loss, every parameter gradient and the decoder's log-probabilities,
 * one row at a time (the GEMV path), for a beam-sized batch and for a full batch, equal those of
 * graphs that never pack; with frozen packs the encoder's first input projections and the
 * embedding's share of the decoder's are looked up in tables of every token's projection, and
 * still no bit changes. Sizes are
 * odd so that every panel and tile edge is exercised.
 */
class WeightPacksBitIdentityTest {
    @ParameterizedTest
    @CsvSource({"gru, bahdanau, true, 1", "lstm, luong_general, true, 2", "rnn_tanh, luong_concat, false, 1",
        "gru, none, false, 2", "lstm, luong_dot, false, 1"})
    void trainingAndDecodingGiveTheSameBits(String cell, String att, boolean bidi, int layers) {
        ModelConfig cfg = new ModelConfig(CellType.parse(cell), 11, 19, layers, bidi, AttentionType.parse(att), 13, 0f,
                false, "char");
        EncoderDecoder m = new EncoderDecoder(cfg, 9, 37);
        m.initDefault(new Rng(7));
        List<float[]> plain = train(m, WeightPacks.none());
        WeightPacks packs = new WeightPacks();
        List<float[]> packed = train(m, packs);
        assertTrue(packs.packedCount() > 0, "training packed no weight");
        assertEquals(plain.size(), packed.size());
        for (int i = 0; i < plain.size(); i++) {
            assertBits(plain.get(i), packed.get(i), cfg + " training value " + i);
        }
        FrozenPacks frozen = new FrozenPacks();
        for (int rows : new int[] {1, 3, 4}) {
            WeightPacks decodePacks = new WeightPacks();
            float[] a = decode(m, WeightPacks.none(), rows);
            float[] b = decode(m, decodePacks, rows);
            assertTrue(decodePacks.packedCount() > 0, "decoding packed no weight");
            assertBits(a, b, cfg + " decoding " + rows + " rows");
            for (int run = 0; run < 2; run++) { // packs kept across runs: cold, then warm
                WeightPacks kept = new WeightPacks();
                kept.attach(frozen);
                assertBits(a, decode(m, kept, rows), cfg + " decoding " + rows + " rows, frozen packs, run " + run);
            }
        }
        assertTrue(frozen.packedCount() > 0, "decoding with frozen packs packed no weight");
        assertEquals((bidi ? 2 : 1) + 1, frozen.tableCount(), "the encoder's and decoder's first projections were looked up");
    }

    /** The loss and every gradient, after a teacher-forced training step's forward and backward. */
    private static List<float[]> train(EncoderDecoder m, WeightPacks packs) {
        for (Tensor p : m.parameters()) {
            p.grad().fill(0f);
        }
        List<float[]> out = new ArrayList<>();
        Graph g = Graph.of(true, new Arena(), packs);
        Encoded enc = m.encode(g, PackedTeacherForcingTest.SRC, PackedTeacherForcingTest.SRC_LEN, 5);
        Tensor loss = m.teacherForcedLoss(g, enc, PackedTeacherForcingTest.TGT_IN, PackedTeacherForcingTest.TGT_OUT, 5,
                0.1f);
        g.backward(loss);
        out.add(new float[] {loss.item()});
        for (Tensor p : m.parameters()) {
            out.add(p.grad().toArray());
        }
        return out;
    }

    /** Greedy log-probabilities for 6 steps from the first {@code rows} sentences of the test batch. */
    private static float[] decode(EncoderDecoder m, WeightPacks packs, int rows) {
        int srcTime = 5;
        int[] src = Arrays.copyOf(PackedTeacherForcingTest.SRC, rows * srcTime);
        int[] len = Arrays.copyOf(PackedTeacherForcingTest.SRC_LEN, rows);
        Graph encoder = Graph.of(false, new Arena(), packs);
        Graph step = Graph.of(false, new Arena(), packs);
        Encoded enc = m.encode(encoder, src, len, srcTime);
        DecoderState state = m.start(enc);
        int[] y = new int[rows];
        Arrays.fill(y, EncoderDecoder.BOS);
        List<Float> all = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            DecoderStep s = m.step(step, y, state, enc);
            state = s.state();
            Tensor logp = Softmax.logSoftmax(step, m.logits(step, s.output())); // [rows,V]
            int vocab = logp.dim(1);
            for (int b = 0; b < rows; b++) {
                int best = 0;
                for (int v = 0; v < vocab; v++) {
                    float x = logp.data()[logp.offset() + b * vocab + v];
                    all.add(x);
                    if (x > logp.data()[logp.offset() + b * vocab + best]) {
                        best = v;
                    }
                }
                y[b] = best;
            }
        }
        float[] out = new float[all.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = all.get(i);
        }
        return out;
    }

    private static void assertBits(float[] want, float[] got, String what) {
        assertEquals(want.length, got.length, what);
        for (int i = 0; i < want.length; i++) {
            if (Float.floatToRawIntBits(want[i]) != Float.floatToRawIntBits(got[i])) {
                fail(what + ": differs at " + i + ": " + want[i] + " vs " + got[i]);
            }
        }
    }
}
