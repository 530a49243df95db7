package io.github.seq2seq4j.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * FloatMath against Math in double: relative error ≤ 3e-7 for exp (where the result is a normal
 * float), tanh and sigmoid, plus limits and NaN. The vector lanes are compared bit for bit with
 * the scalar functions in {@link CellKernelsTest}.
 */
class FloatMathTest {
    private static float[] samples() {
        SplittableRandom rnd = new SplittableRandom(7);
        float[] x = new float[200_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = switch (i % 4) {
                case 0 -> (float) (rnd.nextDouble() * 2 - 1); // |x| < 1, tanh's polynomial and the switch
                case 1 -> (float) (rnd.nextDouble() * 20 - 10);
                case 2 -> (float) (rnd.nextDouble() * 176 - 88);
                default -> (float) ((rnd.nextDouble() * 2 - 1) * Math.pow(10, -rnd.nextInt(8))); // tiny
            };
        }
        return x;
    }

    private static double rel(double got, double want) {
        return want == 0 ? Math.abs(got) : Math.abs(got - want) / Math.abs(want);
    }

    @Test
    void expWithinThreeTenthsOfAMillionth() {
        double worst = 0;
        for (float x : samples()) {
            if (x < -87f || x > 88f) {
                continue; // results near the ends of the float range
            }
            worst = Math.max(worst, rel(FloatMath.exp(x), Math.exp(x)));
        }
        assertTrue(worst <= 3e-7, "worst relative error " + worst);
    }

    @Test
    void tanhAndSigmoidWithinThreeTenthsOfAMillionth() {
        double worstTanh = 0;
        double worstSigmoid = 0;
        for (float x : samples()) {
            worstTanh = Math.max(worstTanh, rel(FloatMath.tanh(x), Math.tanh(x)));
            if (x > -80f) { // further down the true sigmoid is subnormal
                worstSigmoid = Math.max(worstSigmoid, rel(FloatMath.sigmoid(x), 1 / (1 + Math.exp(-x))));
            }
        }
        assertTrue(worstTanh <= 3e-7, "tanh: worst relative error " + worstTanh);
        assertTrue(worstSigmoid <= 3e-7, "sigmoid: worst relative error " + worstSigmoid);
    }

    @Test
    void limitsAndNaN() {
        assertEquals(1f, FloatMath.exp(0f));
        assertEquals(0f, FloatMath.tanh(0f));
        assertEquals(0.5f, FloatMath.sigmoid(0f));
        assertEquals(1f, FloatMath.tanh(Float.POSITIVE_INFINITY));
        assertEquals(-1f, FloatMath.tanh(Float.NEGATIVE_INFINITY));
        assertEquals(1f, FloatMath.sigmoid(Float.POSITIVE_INFINITY));
        assertTrue(FloatMath.sigmoid(Float.NEGATIVE_INFINITY) < 1e-38f);
        assertTrue(FloatMath.exp(-1000f) < 1e-37f);
        assertTrue(FloatMath.exp(1000f) > 1e38f);
        assertTrue(Float.isNaN(FloatMath.exp(Float.NaN)));
        assertTrue(Float.isNaN(FloatMath.tanh(Float.NaN)));
        assertTrue(Float.isNaN(FloatMath.sigmoid(Float.NaN)));
    }
}
