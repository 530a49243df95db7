package io.github.seq2seq4j.parity;

import static io.github.seq2seq4j.testing.Fixtures.assertClose;

import io.github.seq2seq4j.autograd.Graph;
import io.github.seq2seq4j.nn.CellState;
import io.github.seq2seq4j.nn.CellType;
import io.github.seq2seq4j.nn.RecurrentLayer;
import io.github.seq2seq4j.ops.Elementwise;
import io.github.seq2seq4j.ops.Reductions;
import io.github.seq2seq4j.ops.ShapeOps;
import io.github.seq2seq4j.tensor.Tensor;
import io.github.seq2seq4j.testing.Fixtures;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * RNN/GRU/LSTM layers against PyTorch's nn.RNN/GRU/LSTM over a padded batch through
 * pack_padded_sequence (fixtures/rnn). Forward within 1e-5 absolute + 1e-5 relative; gradients
 * within 1e-4 absolute + 1e-4 relative.
 */
class RecurrentParityTest {
    @ParameterizedTest
    @CsvSource({
        "rnn_tanh, uni1, 1, false", "rnn_tanh, bi2, 2, true", "rnn_tanh, uni1_h0, 1, false",
        "rnn_relu, uni1, 1, false", "rnn_relu, bi2, 2, true", "rnn_relu, uni1_h0, 1, false",
        "gru, uni1, 1, false", "gru, bi2, 2, true", "gru, uni1_h0, 1, false",
        "lstm, uni1, 1, false", "lstm, bi2, 2, true", "lstm, uni1_h0, 1, false"})
    void matchesPyTorch(String cell, String variant, int layers, boolean bidirectional) {
        Map<String, Tensor> f = Fixtures.load("rnn/" + cell + "_" + variant + ".safetensors");
        CellType type = CellType.parse(cell);
        Tensor x = withGrad(f.get("x"));
        int batch = x.dim(0);
        int hidden = f.get("weight_hh_l0").dim(1);
        RecurrentLayer layer = new RecurrentLayer(type, x.dim(2), hidden, layers, bidirectional, 0f);
        layer.loadStateDict(Fixtures.load("rnn/" + cell + "_" + variant + ".safetensors").entrySet().stream()
                .filter(e -> e.getKey().startsWith("weight_") || e.getKey().startsWith("bias_"))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        int[] lengths = ints(f.get("lengths"));
        int dirs = bidirectional ? 2 : 1;
        CellState[] initial = null;
        Tensor h0 = null;
        Tensor c0 = null;
        if (f.containsKey("h0")) {
            h0 = withGrad(f.get("h0").reshape(batch, hidden));
            c0 = f.containsKey("c0") ? withGrad(f.get("c0").reshape(batch, hidden)) : null;
            initial = new CellState[] {new CellState(h0, c0)};
        }
        layer.zeroGrad();
        try (Graph g = Graph.training()) {
            RecurrentLayer.Output o = layer.forward(g, x, lengths, initial, null);
            Tensor[] hs = new Tensor[layers * dirs];
            Tensor[] cs = new Tensor[layers * dirs];
            for (int i = 0; i < hs.length; i++) {
                hs[i] = o.finalStates()[i].h();
                cs[i] = o.finalStates()[i].c();
            }
            Tensor hn = ShapeOps.stack(g, 0, hs); // [L·D,B,H]
            assertClose("out", f.get("out"), o.output(), 1e-5, 1e-5);
            assertClose("h_n", f.get("h_n"), hn, 1e-5, 1e-5);
            Tensor loss = Reductions.sum(g, Elementwise.mul(g, o.output(), f.get("R1")));
            loss = Elementwise.add(g, loss, Reductions.sum(g, Elementwise.mul(g, hn, f.get("R2"))));
            if (type.hasCellState()) {
                Tensor cn = ShapeOps.stack(g, 0, cs);
                assertClose("c_n", f.get("c_n"), cn, 1e-5, 1e-5);
                loss = Elementwise.add(g, loss, Reductions.sum(g, Elementwise.mul(g, cn, f.get("R3"))));
            }
            g.backward(loss);
        }
        layer.namedParameters().forEach((name, p) -> assertClose("grad." + name, f.get("grad." + name), p.grad(), 1e-4, 1e-4));
        assertClose("grad.x", f.get("grad.x"), x.grad(), 1e-4, 1e-4);
        if (h0 != null) {
            assertClose("grad.h0", f.get("grad.h0"), h0.grad().reshape(1, batch, hidden), 1e-4, 1e-4);
        }
        if (c0 != null) {
            assertClose("grad.c0", f.get("grad.c0"), c0.grad().reshape(1, batch, hidden), 1e-4, 1e-4);
        }
    }

    static Tensor withGrad(Tensor t) {
        Tensor c = Tensor.of(t.toArray(), t.shape());
        c.attachGrad(Tensor.zeros(t.shape()));
        return c;
    }

    static int[] ints(Tensor t) {
        int[] out = new int[t.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.round(t.at(i));
        }
        return out;
    }
}
