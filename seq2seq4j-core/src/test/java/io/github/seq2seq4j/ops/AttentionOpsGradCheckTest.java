package io.github.seq2seq4j.ops;

import static io.github.seq2seq4j.testing.TestTensors.variable;
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
}
