package io.github.seq2seq4j.parity;

import static io.github.seq2seq4j.parity.RecurrentParityTest.ints;
import static io.github.seq2seq4j.parity.RecurrentParityTest.withGrad;
import static io.github.seq2seq4j.testing.Fixtures.assertClose;

import io.github.seq2seq4j.autograd.Graph;
import io.github.seq2seq4j.model.Attention;
import io.github.seq2seq4j.model.AttentionType;
import io.github.seq2seq4j.ops.Elementwise;
import io.github.seq2seq4j.ops.Reductions;
import io.github.seq2seq4j.tensor.Tensor;
import io.github.seq2seq4j.testing.Fixtures;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The attention module of every kind against the reference's Attention (fixtures/attention). */
class AttentionParityTest {
    @ParameterizedTest
    @ValueSource(strings = {"bahdanau", "luong_dot", "luong_general", "luong_concat"})
    void matchesTheReference(String kind) {
        Map<String, Tensor> f = Fixtures.load("attention/" + kind + ".safetensors");
        Tensor q = withGrad(f.get("query"));
        Tensor enc = withGrad(f.get("enc_out"));
        Attention att = new Attention(AttentionType.parse(kind), q.dim(1), kind.equals("luong_general") ? q.dim(1)
                : f.containsKey("v.weight") ? f.get("v.weight").dim(1) : q.dim(1), enc.dim(2));
        Map<String, Tensor> mine = att.stateDict();
        mine.forEach((name, p) -> { // combine.weight is not used by forward(), so the fixture leaves it out
            if (f.containsKey(name)) {
                p.copyFrom(f.get(name));
            }
        });
        int[] lengths = ints(f.get("lengths"));
        try (Graph g = Graph.training()) {
            Tensor keys = att.projectKeys(g, enc);
            Attention.Result r = att.forward(g, q, keys, enc, lengths);
            assertClose("keys", f.get("keys"), keys, 1e-5, 1e-5);
            assertClose("context", f.get("context"), r.context(), 1e-5, 1e-5);
            assertClose("weights", f.get("weights"), r.weights(), 1e-5, 1e-5);
            g.backward(Elementwise.add(g, Reductions.sum(g, Elementwise.mul(g, r.context(), f.get("R1"))),
                    Reductions.sum(g, Elementwise.mul(g, r.weights(), f.get("R2")))));
        }
        assertClose("grad.query", f.get("grad.query"), q.grad(), 1e-4, 1e-4);
        assertClose("grad.enc_out", f.get("grad.enc_out"), enc.grad(), 1e-4, 1e-4);
        mine.forEach((name, p) -> {
            if (f.containsKey("grad." + name)) {
                assertClose("grad." + name, f.get("grad." + name), p.grad(), 1e-4, 1e-4);
            }
        });
    }
}
