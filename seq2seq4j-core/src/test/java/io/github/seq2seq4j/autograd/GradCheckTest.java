package io.github.seq2seq4j.autograd;

import static io.github.seq2seq4j.testing.TestTensors.variable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.seq2seq4j.ops.Activations;
import io.github.seq2seq4j.ops.Elementwise;
import io.github.seq2seq4j.ops.Reductions;
import io.github.seq2seq4j.tensor.Rng;
import io.github.seq2seq4j.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradCheckTest {
    /** y = x², with a backward that forgets the factor 2. */
    private static Tensor wrongSquare(Graph g, Tensor x) {
        Tensor y = g.output(g.needsGrad(x), x.shape());
        for (int i = 0; i < x.size(); i++) {
            y.data()[y.offset() + i] = x.at(i) * x.at(i);
        }
        g.record(() -> {
            for (int i = 0; i < x.size(); i++) {
                x.grad().data()[x.grad().offset() + i] += y.grad().at(i) * x.at(i);
            }
        });
        return y;
    }

    @Test
    void detectsAWrongBackward() {
        Tensor x = variable(new Rng(3), 4);
        GradCheck.Result r = GradCheck.check(g -> wrongSquare(g, x), List.of(x));
        assertFalse(r.ok(), r.toString());
    }

    @Test
    void acceptsACorrectBackward() {
        Tensor x = variable(new Rng(3), 4);
        assertTrue(GradCheck.check(g -> Elementwise.mul(g, x, x), List.of(x)).ok());
    }

    @Test
    void backwardAccumulatesAcrossCalls() {
        Tensor x = variable(new Rng(5), 3);
        for (int k = 0; k < 2; k++) {
            try (Graph g = Graph.training()) {
                g.backward(Reductions.sum(g, Activations.tanh(g, x)));
            }
        }
        for (int i = 0; i < 3; i++) {
            double t = Math.tanh(x.at(i));
            assertEquals(2 * (1 - t * t), x.grad().at(i), 1e-6);
        }
    }

    @Test
    void inferenceGraphRecordsNothing() {
        Tensor x = variable(new Rng(5), 3);
        try (Graph g = Graph.inference()) {
            Tensor y = Activations.tanh(g, x);
            assertFalse(y.requiresGrad());
            assertEquals(0, g.tapeSize());
            assertThrows(IllegalStateException.class, () -> g.backward(Reductions.sum(g, y)));
        }
    }

    @Test
    void arenaIsReusedAfterReset() {
        try (Graph g = Graph.training()) {
            Tensor x = variable(new Rng(1), 64, 64);
            Activations.tanh(g, x);
            long capacity = g.arena().capacity();
            for (int i = 0; i < 10; i++) {
                g.reset();
                Activations.tanh(g, x);
            }
            assertEquals(capacity, g.arena().capacity(), "same-shaped work needs no new memory");
        }
    }
}
