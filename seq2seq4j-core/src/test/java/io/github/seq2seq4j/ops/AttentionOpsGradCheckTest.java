package io.github.seq2seq4j.ops;

import static io.github.seq2seq4j.testing.TestTensors.variable;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.seq2seq4j.autograd.GradCheck;
import io.github.seq2seq4j.autograd.Graph;
import io.github.seq2seq4j.tensor.Rng;
import io.github.seq2seq4j.tensor.Tensor;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class AttentionOpsGradCheckTest {
    private final Rng rng = new Rng(17);

    private static void assertGrad(Function<Graph, Tensor> f, Tensor... inputs) {
        GradCheck.Result r = GradCheck.check(f, List.of(inputs));
        assertTrue(r.ok(), r.toString());
    }

    @Test
    void additiveScores() {
        Tensor q = variable(rng, 3, 4);
        Tensor k = variable(rng, 3, 5, 4);
        Tensor v = variable(rng, 1, 4);
        assertGrad(g -> AttentionOps.additiveScores(g, q, k, v), q, k, v);
    }

    @Test
    void dotScores() {
        Tensor q = variable(rng, 3, 4);
        Tensor k = variable(rng, 3, 5, 4);
        assertGrad(g -> AttentionOps.dotScores(g, q, k), q, k);
    }

    @Test
    void weightedSumAndMaskedPipeline() {
        Tensor w = variable(rng, 3, 5);
        Tensor values = variable(rng, 3, 5, 2);
        assertGrad(g -> AttentionOps.weightedSum(g, w, values), w, values);
        Tensor q = variable(rng, 3, 2);
        int[] lengths = {5, 1, 3};
        assertGrad(g -> AttentionOps.weightedSum(g,
                Softmax.masked(g, AttentionOps.dotScores(g, q, values), lengths), values), q, values);
    }

    /** Masked pipelines with the lengths overloads: gradients check, and values equal the unmasked ops'. */
    @Test
    void lengthOverloadsSkipMaskedPositions() {
        int[] lengths = {5, 1, 3};
        Tensor q = variable(rng, 3, 9); // 9 attention units: a vector body and a tail
        Tensor k = variable(rng, 3, 5, 9);
        Tensor v = variable(rng, 1, 9);
        Tensor values = variable(rng, 3, 5, 2);
        assertGrad(g -> AttentionOps.weightedSum(g,
                Softmax.masked(g, AttentionOps.additiveScores(g, q, k, v, lengths), lengths), values, lengths), q, k, v, values);
        Tensor qd = variable(rng, 3, 2);
        assertGrad(g -> AttentionOps.weightedSum(g,
                Softmax.masked(g, AttentionOps.dotScores(g, qd, values, lengths), lengths), values, lengths), qd, values);
        Graph g = Graph.inference();
        Tensor all = AttentionOps.additiveScores(g, q, k, v);
        Tensor some = AttentionOps.additiveScores(g, q, k, v, lengths);
        for (int b = 0; b < 3; b++) {
            for (int s = 0; s < 5; s++) {
                assertEquals(s < lengths[b] ? all.get(b, s) : 0f, some.get(b, s), "score " + b + "," + s);
            }
        }
        Tensor w = Softmax.masked(g, all, lengths);
        assertArrayEquals(AttentionOps.weightedSum(g, w, values).toArray(),
                AttentionOps.weightedSum(g, w, values, lengths).toArray());
    }
}
