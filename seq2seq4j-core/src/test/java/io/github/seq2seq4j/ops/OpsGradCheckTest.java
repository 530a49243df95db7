package io.github.seq2seq4j.ops;

import static io.github.seq2seq4j.testing.TestTensors.variable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.seq2seq4j.autograd.GradCheck;
import io.github.seq2seq4j.autograd.Graph;
import io.github.seq2seq4j.tensor.Rng;
import io.github.seq2seq4j.tensor.Tensor;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Every primitive op's backward against central differences (float32 forward, tolerances in GradCheck). */
class OpsGradCheckTest {
    private final Rng rng = new Rng(42);

    private static void assertGrad(Function<Graph, Tensor> f, Tensor... inputs) {
        GradCheck.Result r = GradCheck.check(f, List.of(inputs));
        assertTrue(r.ok(), r.toString());
        assertTrue(r.checked() > 0);
    }

    @Test
    void matmulAllTransposeCombinations() {
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                Tensor a = ta ? variable(rng, 4, 3) : variable(rng, 3, 4);
                Tensor b = tb ? variable(rng, 5, 4) : variable(rng, 4, 5);
                assertGrad(g -> MatMul.matmul(g, a, b, ta, tb), a, b);
            }
        }
    }

    @Test
    void matmulBatchedRows() {
        Tensor a = variable(rng, 2, 3, 4);
        Tensor b = variable(rng, 4, 5);
        Tensor out = MatMul.matmul(Graph.inference(), a, b);
        assertTrue(out.sameShape(2, 3, 5));
        assertGrad(g -> MatMul.matmul(g, a, b), a, b);
    }

    @Test
    void linearWithAndWithoutBias() {
        Tensor x = variable(rng, 2, 3, 4);
        Tensor w = variable(rng, 5, 4);
        Tensor b = variable(rng, 5);
        assertGrad(g -> MatMul.linear(g, x, w, b), x, w, b);
        assertGrad(g -> MatMul.linear(g, x, w, null), x, w);
    }

    @Test
    void addMulBroadcastScale() {
        Tensor a = variable(rng, 2, 3, 4);
        Tensor b = variable(rng, 2, 3, 4);
        Tensor bias = variable(rng, 4);
        Tensor row = variable(rng, 3, 4);
        assertGrad(g -> Elementwise.add(g, a, b), a, b);
        assertGrad(g -> Elementwise.add(g, a, bias), a, bias);
        assertGrad(g -> Elementwise.mul(g, a, b), a, b);
        assertGrad(g -> Elementwise.mul(g, a, row), a, row);
        assertGrad(g -> Elementwise.sub(g, a, bias), a, bias);
        assertGrad(g -> Elementwise.scale(g, a, -2.5f), a);
    }

    @Test
    void activations() {
        Tensor x = variable(rng, 3, 5);
        assertGrad(g -> Activations.tanh(g, x), x);
        assertGrad(g -> Activations.sigmoid(g, x), x);
        // relu: keep inputs away from the kink at 0 so central differences are exact
        Tensor y = variable(rng, 3, 5);
        for (int i = 0; i < y.size(); i++) {
            float v = y.at(i);
            y.data()[i] = v + (v >= 0 ? 0.1f : -0.1f);
        }
        assertGrad(g -> Activations.relu(g, y), y);
    }

    @Test
    void concatSliceStackTranspose() {
        Tensor a = variable(rng, 2, 3, 4);
        Tensor b = variable(rng, 2, 2, 4);
        assertGrad(g -> ShapeOps.concat(g, 1, a, b), a, b);
        Tensor c = variable(rng, 2, 3, 1);
        assertGrad(g -> ShapeOps.concat(g, -1, a, c), a, c);
        assertGrad(g -> ShapeOps.slice(g, a, 2, 1, 3), a);
        assertGrad(g -> ShapeOps.slice(g, a, 0, 1, 2), a);
        Tensor d = variable(rng, 2, 3, 4);
        assertGrad(g -> ShapeOps.stack(g, 1, a, d), a, d);
        assertGrad(g -> ShapeOps.transpose(g, a, 0, 2), a);
        assertGrad(g -> ShapeOps.transpose(g, a, 1, 2), a);
        assertGrad(g -> Activations.tanh(g, ShapeOps.reshape(a, 6, 4)), a);
        assertGrad(g -> ShapeOps.gatherRows(g, a, new int[] {1, 0, 1, 1}), a);
    }

    @Test
    void embeddingSkipsPaddingRow() {
        Tensor w = variable(rng, 6, 3);
        int[] ids = {1, 0, 5, 1, 2, 0};
        assertGrad(g -> Embedding.lookup(g, w, ids, -1, 2, 3), w);
        w.grad().fill(0f);
        try (Graph g = Graph.training()) {
            Tensor out = Embedding.lookup(g, w, ids, 0, 2, 3);
            g.backward(Reductions.sum(g, out));
        }
        for (int e = 0; e < 3; e++) {
            assertEquals(0f, w.grad().get(0, e), "padding row gets no gradient");
            assertEquals(2f, w.grad().get(1, e), "row 1 used twice");
            assertEquals(0f, w.grad().get(3, e), "unused row");
        }
    }

    @Test
    void softmaxFamily() {
        Tensor x = variable(rng, 3, 5);
        assertGrad(g -> Softmax.softmax(g, x), x);
        assertGrad(g -> Softmax.logSoftmax(g, x), x);
        int[] lengths = {5, 2, 3};
        assertGrad(g -> Softmax.masked(g, x, lengths), x);
        Tensor y = Softmax.masked(Graph.inference(), x, lengths);
        for (int r = 0; r < 3; r++) {
            double s = 0;
            for (int c = 0; c < 5; c++) {
                s += y.get(r, c);
                if (c >= lengths[r]) {
                    assertEquals(0f, y.get(r, c));
                }
            }
            assertEquals(1.0, s, 1e-6);
        }
    }

    @Test
    void lossesWithIgnoreIndexAndSmoothing() {
        Tensor logits = variable(rng, 2, 3, 6);
        int[] targets = {2, 0, 5, 1, 0, 3};
        for (float eps : new float[] {0f, 0.1f}) {
            assertGrad(g -> Losses.crossEntropy(g, logits, targets, 0, eps), logits);
            assertGrad(g -> Losses.nll(g, Softmax.logSoftmax(g, logits), targets, 0, eps), logits);
            float fused = Losses.crossEntropy(Graph.inference(), logits, targets, 0, eps).item();
            Graph g = Graph.inference();
            float composed = Losses.nll(g, Softmax.logSoftmax(g, logits), targets, 0, eps).item();
            assertEquals(composed, fused, 1e-6f);
        }
    }

    @Test
    void sumMeanDropout() {
        Tensor x = variable(rng, 3, 4);
        assertGrad(g -> Reductions.sum(g, x), x);
        assertGrad(g -> Reductions.mean(g, x), x);
        assertGrad(g -> {
            g.setTraining(true); // the same seed each call gives the same mask
            return Dropout.apply(g, x, 0.4f, new Rng(7));
        }, x);
    }

    @Test
    void dropoutScalesSurvivorsAndIsIdentityInInference() {
        Tensor x = Tensor.zeros(10000);
        x.fill(1f);
        Tensor y = Dropout.apply(Graph.training(), x, 0.25f, new Rng(1));
        int zeros = 0;
        for (int i = 0; i < y.size(); i++) {
            if (y.at(i) == 0f) {
                zeros++;
            } else {
                assertEquals(1f / 0.75f, y.at(i), 1e-6f);
            }
        }
        assertEquals(2500, zeros, 150);
        assertTrue(Dropout.apply(Graph.inference(), x, 0.25f, new Rng(1)) == x);
    }
}
