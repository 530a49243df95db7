package io.github.seq2seq4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.seq2seq4j.autograd.GradCheck;
import io.github.seq2seq4j.autograd.Graph;
import io.github.seq2seq4j.nn.CellType;
import io.github.seq2seq4j.tensor.Rng;
import io.github.seq2seq4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The whole encoder–decoder, every attention variant, against central differences. */
class EncoderDecoderGradCheckTest {
    // Two sentences, lengths 4 and 2; targets of length 3 and 1 (+EOS), padded.
    static final int[] SRC = {4, 5, 6, 7, 8, 4, 0, 0};
    static final int[] SRC_LEN = {4, 2};
    static final int[] TGT_IN = {2, 5, 6, 7, 2, 4, 0, 0};
    static final int[] TGT_OUT = {5, 6, 7, 3, 4, 3, 0, 0};

    @ParameterizedTest
    @CsvSource({
        "gru, none, true, 1, false", "gru, bahdanau, true, 1, false", "lstm, bahdanau, true, 2, false",
        "rnn_tanh, luong_dot, false, 1, false", "gru, luong_general, true, 1, true", "lstm, luong_concat, false, 2, false",
        "rnn_relu, bahdanau, false, 1, false"})
    void lossGradientMatchesFiniteDifferences(String cell, String att, boolean bidi, int layers, boolean tie) {
        ModelConfig cfg = new ModelConfig(CellType.parse(cell), 4, 4, layers, bidi, AttentionType.parse(att), 3, 0f, tie, "char");
        EncoderDecoder m = new EncoderDecoder(cfg, 9, 8);
        Rng rng = new Rng(21);
        for (Tensor p : m.parameters()) {
            rng.uniform(p, -0.5f, 0.5f);
        }
        if (cfg.cell() == CellType.RNN_RELU) {
            m.stateDict().forEach((name, p) -> {
                if (name.startsWith("encoder.bias") || name.startsWith("decoder.bias")) {
                    p.fill(0.2f);
                }
            });
        }
        List<Tensor> params = m.parameters();
        GradCheck.Result r = GradCheck.check(g -> {
            Encoded enc = m.encode(g, SRC, SRC_LEN, 4);
            return m.loss(g, m.forward(g, enc, TGT_IN, 4, 1f, null), TGT_OUT, 0.1f);
        }, params, 1e-2f, 3e-3, 3e-3, 7L);
        assertTrue(r.ok(), cfg + ": " + r);
    }

    @ParameterizedTest
    @CsvSource({"gru, bahdanau, true", "lstm, luong_general, false", "rnn_tanh, none, true"})
    void parameterNamesFollowTheReference(String cell, String att, boolean bidi) {
        ModelConfig cfg = new ModelConfig(CellType.parse(cell), 4, 4, 1, bidi, AttentionType.parse(att), 0, 0f, false, "char");
        List<String> names = new ArrayList<>(new EncoderDecoder(cfg, 9, 8).stateDict().keySet());
        assertEquals("src_embed.weight", names.get(0));
        assertEquals("tgt_embed.weight", names.get(1));
        assertEquals("encoder.weight_ih_l0", names.get(2));
        assertEquals(bidi, names.contains("encoder.weight_hh_l0_reverse"));
        assertEquals(bidi, names.contains("bridge.weight"));
        assertEquals(bidi && cell.equals("lstm"), names.contains("bridge_c.weight"));
        assertEquals("output.bias", names.get(names.size() - 1));
        assertEquals(att.startsWith("luong"), names.contains("attention.combine.weight"));
    }

    @ParameterizedTest
    @CsvSource({"gru, bahdanau", "lstm, luong_concat"})
    void scheduledSamplingWithRatioOneEqualsTeacherForcing(String cell, String att) {
        ModelConfig cfg = new ModelConfig(CellType.parse(cell), 4, 4, 1, true, AttentionType.parse(att), 0, 0f, false, "char");
        EncoderDecoder m = new EncoderDecoder(cfg, 9, 8);
        m.initDefault(new Rng(1));
        Graph g = Graph.inference();
        Encoded enc = m.encode(g, SRC, SRC_LEN, 4);
        float tf = m.loss(g, m.forward(g, enc, TGT_IN, 4, 1f, null), TGT_OUT, 0f).item();
        float ss = m.loss(g, m.forward(g, enc, TGT_IN, 4, 0.9999999f, new Rng(3)), TGT_OUT, 0f).item();
        float free = m.loss(g, m.forward(g, enc, TGT_IN, 4, 0f, new Rng(3)), TGT_OUT, 0f).item();
        assertEquals(tf, ss, 1e-6f);
        assertTrue(Math.abs(tf - free) > 1e-4, "feeding own predictions changes the loss");
    }
}
