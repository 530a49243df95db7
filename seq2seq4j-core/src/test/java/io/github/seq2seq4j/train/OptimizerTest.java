package io.github.seq2seq4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.seq2seq4j.tensor.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Closed-form checks; bit-level parity with torch.optim is in the fixture tests. */
class OptimizerTest {
    private static Tensor param(float value, float grad) {
        Tensor p = Tensor.of(new float[] {value}, 1);
        p.attachGrad(Tensor.of(new float[] {grad}, 1));
        return p;
    }

    @Test
    void adamFirstStepMovesByLearningRateAgainstTheGradientSign() {
        Tensor p = param(1f, 0.3f);
        Tensor q = param(1f, -20f);
        Adam adam = Adam.adam(Map.of("p", p, "q", q), 0.01f);
        adam.step();
        assertEquals(0.99f, p.at(0), 1e-6f);
        assertEquals(1.01f, q.at(0), 1e-6f);
    }

    @Test
    void adamWDecaysWeightsEvenWithZeroGradient() {
        Tensor p = param(2f, 0f);
        Adam.adamW(Map.of("p", p), 0.1f, 0.5f).step();
        assertEquals(2f * (1f - 0.1f * 0.5f), p.at(0), 1e-6f);
    }

    @Test
    void sgdMomentumAccumulates() {
        Tensor p = param(0f, 1f);
        Sgd sgd = new Sgd(Map.of("p", p), 0.1f, 0.9f, 0f);
        sgd.step(); // buf = 1
        assertEquals(-0.1f, p.at(0), 1e-7f);
        sgd.step(); // buf = 0.9 + 1
        assertEquals(-0.1f - 0.19f, p.at(0), 1e-6f);
    }

    @Test
    void stateRoundTripContinuesIdentically() {
        Tensor a = param(1f, 0.5f);
        Tensor b = param(1f, 0.5f);
        Adam first = Adam.adam(Map.of("w", a), 0.05f);
        first.step();
        first.step();
        Adam second = Adam.adam(Map.of("w", b), 0.05f);
        b.copyFrom(a);
        second.loadState(first.state());
        for (int i = 0; i < 5; i++) {
            first.step();
            second.step();
        }
        assertEquals(a.at(0), b.at(0), 0f);
        assertEquals(first.stepCount(), second.stepCount());
    }

    @Test
    void clipByNormAndValue() {
        Tensor p = param(0f, 3f);
        Tensor q = param(0f, 4f);
        double norm = GradClip.clipNorm(List.of(p, q), 1.0);
        assertEquals(5.0, norm, 1e-9);
        assertEquals(0.6f, p.grad().at(0), 1e-6f);
        assertEquals(0.8f, q.grad().at(0), 1e-6f);
        GradClip.clipValue(List.of(p, q), 0.7f);
        assertEquals(0.6f, p.grad().at(0), 1e-6f);
        assertEquals(0.7f, q.grad().at(0), 0f);
    }
}
