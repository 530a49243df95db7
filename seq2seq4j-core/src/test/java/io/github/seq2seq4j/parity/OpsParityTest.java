package io.github.seq2seq4j.parity;

import static io.github.seq2seq4j.parity.RecurrentParityTest.ints;
import static io.github.seq2seq4j.parity.RecurrentParityTest.withGrad;
import static io.github.seq2seq4j.testing.Fixtures.assertClose;

import io.github.seq2seq4j.autograd.Graph;
import io.github.seq2seq4j.ops.Activations;
import io.github.seq2seq4j.ops.Elementwise;
import io.github.seq2seq4j.ops.Embedding;
import io.github.seq2seq4j.ops.Losses;
import io.github.seq2seq4j.ops.MatMul;
import io.github.seq2seq4j.ops.Reductions;
import io.github.seq2seq4j.ops.ShapeOps;
import io.github.seq2seq4j.ops.Softmax;
import io.github.seq2seq4j.tensor.Tensor;
import io.github.seq2seq4j.testing.Fixtures;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Primitive ops against PyTorch (fixtures/ops): forward within 1e-5 absolute + 1e-5 relative,
 * gradients of sum(out ⊙ R) within 1e-4 absolute + 1e-4 relative.
 */
class OpsParityTest {
    /** Runs f on the graph, compares out, back-propagates sum(out ⊙ R). */
    private static void check(Map<String, Tensor> f, Function<Graph, Tensor> op) {
        try (Graph g = Graph.training()) {
            Tensor out = op.apply(g);
            assertClose("out", f.get("out"), out, 1e-5, 1e-5);
            Tensor r = f.get("R");
            g.backward(r.rank() == 0 ? Elementwise.scale(g, out.reshape(), r.item()) : Reductions.sum(g, Elementwise.mul(g, out, r)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"linear", "linear3d"})
    void linear(String name) {
        Map<String, Tensor> f = Fixtures.load("ops/" + name + ".safetensors");
        Tensor x = withGrad(f.get("x")), w = withGrad(f.get("weight")), b = withGrad(f.get("bias"));
        check(f, g -> MatMul.linear(g, x, w, b));
        assertClose("grad.x", f.get("grad.x"), x.grad(), 1e-4, 1e-4);
        assertClose("grad.weight", f.get("grad.weight"), w.grad(), 1e-4, 1e-4);
        assertClose("grad.bias", f.get("grad.bias"), b.grad(), 1e-4, 1e-4);
    }

    @Test
    void embeddingWithPaddingIndex() {
        Map<String, Tensor> f = Fixtures.load("ops/embedding.safetensors");
        Tensor w = withGrad(f.get("weight"));
        Tensor idx = f.get("indices");
        check(f, g -> Embedding.lookup(g, w, ints(idx), 0, idx.shape()));
        assertClose("grad.weight", f.get("grad.weight"), w.grad(), 1e-4, 1e-4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tanh", "sigmoid", "relu", "softmax", "log_softmax"})
    void elementwiseAndSoftmax(String name) {
        Map<String, Tensor> f = Fixtures.load("ops/" + name + ".safetensors");
        String input = f.containsKey("x") ? "x" : "scores";
        Tensor x = withGrad(f.get(input));
        check(f, g -> switch (name) {
            case "tanh" -> Activations.tanh(g, x);
            case "sigmoid" -> Activations.sigmoid(g, x);
            case "relu" -> Activations.relu(g, x);
            case "softmax" -> Softmax.softmax(g, x);
            default -> Softmax.logSoftmax(g, x);
        });
        assertClose("grad." + input, f.get("grad." + input), x.grad(), 1e-4, 1e-4);
    }

    @Test
    void maskedSoftmax() {
        Map<String, Tensor> f = Fixtures.load("ops/masked_softmax.safetensors");
        Tensor x = withGrad(f.get("scores"));
        check(f, g -> Softmax.masked(g, x, ints(f.get("lengths"))));
        assertClose("grad.scores", f.get("grad.scores"), x.grad(), 1e-4, 1e-4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"concat_last", "concat_mid", "concat_3d_last"})
    void concat(String name) {
        Map<String, Tensor> f = Fixtures.load("ops/" + name + ".safetensors");
        Tensor a = withGrad(f.get("a")), b = withGrad(f.get("b"));
        check(f, g -> ShapeOps.concat(g, name.equals("concat_mid") ? 1 : -1, a, b));
        assertClose("grad.a", f.get("grad.a"), a.grad(), 1e-4, 1e-4);
        assertClose("grad.b", f.get("grad.b"), b.grad(), 1e-4, 1e-4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"loss", "loss_smoothed"})
    void referenceLossFunction(String name) {
        Map<String, Tensor> f = Fixtures.load("ops/" + name + ".safetensors");
        float eps = name.equals("loss") ? 0f : 0.1f;
        int[] target = ints(f.get("target"));
        Tensor logits = withGrad(f.get("logits"));
        check(f, g -> Losses.nll(g, Softmax.logSoftmax(g, logits), target, 0, eps));
        assertClose("grad.logits", f.get("grad.logits"), logits.grad(), 1e-4, 1e-4);
        Tensor fused = withGrad(f.get("logits"));
        check(f, g -> Losses.crossEntropy(g, fused, target, 0, eps));
        assertClose("fused grad.logits", f.get("grad.logits"), fused.grad(), 1e-4, 1e-4);
    }
}
