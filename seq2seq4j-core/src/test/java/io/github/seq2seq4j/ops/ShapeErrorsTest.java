package io.github.seq2seq4j.ops;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.seq2seq4j.autograd.Graph;
import io.github.seq2seq4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Shape mismatches name the op and both shapes. */
class ShapeErrorsTest {
    private final Graph g = Graph.inference();

    private static void assertMessage(Runnable r, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), () -> "'" + e.getMessage() + "' should contain '" + p + "'");
        }
    }

    @Test
    void matmulInnerDimensions() {
        assertMessage(() -> MatMul.matmul(g, Tensor.zeros(2, 3), Tensor.zeros(4, 5)), "matmul", "[2, 3]", "[4, 5]");
    }

    @Test
    void linearFeatures() {
        assertMessage(() -> MatMul.linear(g, Tensor.zeros(2, 3), Tensor.zeros(5, 4), null), "linear", "[2, 3]", "[5, 4]");
    }

    @Test
    void addBroadcast() {
        assertMessage(() -> Elementwise.add(g, Tensor.zeros(2, 3), Tensor.zeros(2)), "add", "[2, 3]", "[2]");
    }

    @Test
    void concatOtherDimension() {
        assertMessage(() -> ShapeOps.concat(g, 1, Tensor.zeros(2, 3), Tensor.zeros(3, 3)), "concat", "[2, 3]", "[3, 3]");
    }

    @Test
    void lossTargetsCount() {
        assertMessage(() -> Losses.nll(g, Tensor.zeros(2, 3), new int[] {1}, 0, 0f), "nll", "[2, 3]");
    }
}
