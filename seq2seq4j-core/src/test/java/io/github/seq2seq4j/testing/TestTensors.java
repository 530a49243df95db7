package io.github.seq2seq4j.testing;

import io.github.seq2seq4j.tensor.Rng;
import io.github.seq2seq4j.tensor.Tensor;

/** Small random tensors for tests. */
public final class TestTensors {
    private TestTensors() {}

    /** A leaf tensor of uniform(-1, 1) values with an attached zero gradient. */
    public static Tensor variable(Rng rng, int... shape) {
        Tensor t = Tensor.zeros(shape);
        rng.uniform(t, -1f, 1f);
        t.attachGrad(Tensor.zeros(shape));
        return t;
    }

    /** A constant tensor of uniform(-1, 1) values. */
    public static Tensor constant(Rng rng, int... shape) {
        Tensor t = Tensor.zeros(shape);
        rng.uniform(t, -1f, 1f);
        return t;
    }
}
