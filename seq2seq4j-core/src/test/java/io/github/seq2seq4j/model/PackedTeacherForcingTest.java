package io.github.seq2seq4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.seq2seq4j.autograd.Graph;
import io.github.seq2seq4j.nn.CellType;
import io.github.seq2seq4j.tensor.Rng;
import io.github.seq2seq4j.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * teacherForcedLoss, which skips padded target positions and packs the running rows, gives the
 * loss and every parameter gradient of loss(forward(...)) over all positions, for every cell and
 * attention kind, with stacked layers and label smoothing, on rows whose source and target
 * lengths are ordered differently (so encoder and decoder sort the batch differently).
 */
class PackedTeacherForcingTest {
    // Four sentences; sources of lengths 3, 5, 1, 4; targets of lengths 4, 1, 2, 4 (+EOS), padded to T = 5.
    static final int[] SRC = {4, 5, 6, 0, 0, 7, 8, 4, 5, 6, 8, 0, 0, 0, 0, 5, 5, 6, 7, 0};
    static final int[] SRC_LEN = {3, 5, 1, 4};
    static final int[] TGT_IN = {2, 5, 6, 7, 4, 2, 4, 0, 0, 0, 2, 7, 6, 0, 0, 2, 4, 4, 5, 6};
    static final int[] TGT_OUT = {5, 6, 7, 4, 3, 4, 3, 0, 0, 0, 7, 6, 3, 0, 0, 4, 4, 5, 6, 3};

    @ParameterizedTest
    @CsvSource({
        "gru, bahdanau, true, 1, 0.0", "lstm, bahdanau, true, 2, 0.1", "gru, none, false, 1, 0.0",
        "rnn_tanh, luong_dot, false, 2, 0.0", "lstm, luong_general, true, 1, 0.1", "gru, luong_concat, true, 2, 0.0",
        "rnn_relu, bahdanau, false, 1, 0.0"})
    void sameLossAndGradientsAsTheFullComputation(String cell, String att, boolean bidi, int layers, float smoothing) {
        ModelConfig cfg = new ModelConfig(CellType.parse(cell), 6, 6, layers, bidi, AttentionType.parse(att), 5, 0f, false, "char");
        EncoderDecoder m = new EncoderDecoder(cfg, 9, 8);
        m.initDefault(new Rng(5));
        Map<String, float[]> full = new LinkedHashMap<>();
        float fullLoss = run(m, false, smoothing, full);
        Map<String, float[]> packed = new LinkedHashMap<>();
        float packedLoss = run(m, true, smoothing, packed);
        assertEquals(fullLoss, packedLoss, 1e-6f * Math.abs(fullLoss));
        for (String name : full.keySet()) {
            float[] a = full.get(name), b = packed.get(name);
            for (int i = 0; i < a.length; i++) {
                assertEquals(a[i], b[i], 1e-6f + 1e-5f * Math.abs(a[i]), cfg + " " + name + "[" + i + "]");
            }
        }
    }

    private static float run(EncoderDecoder m, boolean packed, float smoothing, Map<String, float[]> grads) {
        for (Tensor p : m.parameters()) {
            p.grad().fill(0f);
        }
        try (Graph g = Graph.training()) {
            Encoded enc = m.encode(g, SRC, SRC_LEN, 5);
            Tensor loss = packed ? m.teacherForcedLoss(g, enc, TGT_IN, TGT_OUT, 5, smoothing)
                    : m.loss(g, m.forward(g, enc, TGT_IN, 5, 1f, null), TGT_OUT, smoothing);
            g.backward(loss);
            m.namedParameters().forEach((name, p) -> grads.put(name, p.grad().toArray()));
            return loss.item();
        }
    }
}
