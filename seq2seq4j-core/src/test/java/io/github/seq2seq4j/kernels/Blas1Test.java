package io.github.seq2seq4j.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Vector and scalar level-1 kernels on odd lengths and offsets. axpy, scale and add must agree
 * bit for bit (same operations per element); dot is checked against a double sum within
 * (len + 1)·2⁻²⁴·Σ|x·y|, the float32 summation bound.
 */
class Blas1Test {
    private static final int OFF_X = 3;
    private static final int OFF_Y = 5;

    private static float[] random(long seed, int size) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) (rnd.nextDouble() * 2 - 1);
        }
        return x;
    }

    private static Blas1Kernel[] kernels() {
        return KernelSelection.vectorAvailable()
                ? new Blas1Kernel[] {new ScalarBlas1(), KernelSelection.instantiate("VectorBlas1", Blas1Kernel.class)}
                : new Blas1Kernel[] {new ScalarBlas1()};
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 7, 17, 33, 65, 130, 1000})
    void dotWithinSummationBound(int len) {
        float[] x = random(len, OFF_X + len + 2);
        float[] y = random(len + 99, OFF_Y + len + 1);
        double exact = 0;
        double magnitude = 0;
        for (int i = 0; i < len; i++) {
            double term = (double) x[OFF_X + i] * y[OFF_Y + i];
            exact += term;
            magnitude += Math.abs(term);
        }
        double tol = (len + 1) * 0x1p-24 * magnitude;
        for (Blas1Kernel k : kernels()) {
            float got = k.dot(x, OFF_X, y, OFF_Y, len);
            assertTrue(Math.abs(got - exact) <= tol, k + " len=" + len + ": " + got + " vs " + exact);
        }
        assertTrue(Math.abs(Blas1.dot(x, OFF_X, y, OFF_Y, len) - exact) <= tol);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 7, 17, 33, 65, 130, 1000})
    void axpyScaleAddAgreeBitForBit(int len) {
        float[] x = random(len, OFF_X + len + 2);
        float[] y0 = random(len + 7, OFF_Y + len + 1);
        for (Blas1Kernel k : kernels()) {
            float[] y = y0.clone();
            k.axpy(0.37f, x, OFF_X, y, OFF_Y, len);
            for (int i = 0; i < y.length; i++) {
                boolean inside = i >= OFF_Y && i < OFF_Y + len;
                float want = inside ? Math.fma(0.37f, x[OFF_X + i - OFF_Y], y0[i]) : y0[i];
                assertEquals(want, y[i], 0f, k + " axpy at " + i);
            }
            float[] s = x.clone();
            k.scale(-1.5f, s, OFF_X, len);
            for (int i = 0; i < s.length; i++) {
                boolean inside = i >= OFF_X && i < OFF_X + len;
                assertEquals(inside ? x[i] * -1.5f : x[i], s[i], 0f, k + " scale at " + i);
            }
            float[] out = new float[len + 4];
            k.add(x, OFF_X, y0, OFF_Y, out, 2, len);
            for (int i = 0; i < out.length; i++) {
                boolean inside = i >= 2 && i < 2 + len;
                assertEquals(inside ? x[OFF_X + i - 2] + y0[OFF_Y + i - 2] : 0f, out[i], 0f, k + " add at " + i);
            }
            float[] inPlace = y0.clone();
            k.add(x, OFF_X, inPlace, OFF_Y, inPlace, OFF_Y, len);
            for (int i = 0; i < len; i++) {
                assertEquals(x[OFF_X + i] + y0[OFF_Y + i], inPlace[OFF_Y + i], 0f, k + " in-place add at " + i);
            }
        }
    }

    @Test
    void facadeUsesVectorKernelWhenModuleIsPresent() {
        assumeTrue(System.getProperty(KernelSelection.PROPERTY) == null);
        assertEquals(KernelSelection.vectorAvailable() ? "vector" : "scalar", Blas1.implementation());
    }

    @Test
    void facadeRejectsSlicesOutsideTheArray() {
        float[] x = new float[10];
        assertThrows(IndexOutOfBoundsException.class, () -> Blas1.dot(x, 5, x, 0, 6));
        assertThrows(IndexOutOfBoundsException.class, () -> Blas1.axpy(1f, x, 0, x, -1, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> Blas1.scale(1f, x, 8, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> Blas1.add(x, 0, x, 0, new float[2], 0, 3));
    }

    /** Adam, AdamW and Adam with coupled weight decay: five steps each, every float equal in both kernels. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 17, 33, 130, 1000})
    void adamAgreesBitForBit(int len) {
        AdamStep[] modes = {
            new AdamStep(0.9f, 0.999f, 1e-8f, 0f, false, 1f, 1e-3f / 0.1f, (float) Math.sqrt(0.001)),
            new AdamStep(0.9f, 0.999f, 1e-8f, 0.01f, true, 1f - 1e-3f * 0.01f, 0.0052f, 0.0447f),
            new AdamStep(0.8f, 0.99f, 1e-6f, 0.1f, false, 1f, 0.003f, 0.3f)};
        Blas1Kernel[] kernels = kernels();
        assumeTrue(kernels.length == 2, "needs the vector kernels");
        for (AdamStep mode : modes) {
            float[][] p = new float[2][];
            float[][] m = new float[2][];
            float[][] v = new float[2][];
            for (int k = 0; k < 2; k++) {
                p[k] = random(len + 7, OFF_X + len + 2);
                m[k] = new float[len];
                v[k] = new float[len];
            }
            for (int step = 0; step < 5; step++) {
                float[] g = random(31L * step + len, OFF_Y + len + 1);
                for (int k = 0; k < 2; k++) {
                    kernels[k].adam(mode, p[k], OFF_X, g, OFF_Y, m[k], v[k], len);
                }
                for (int i = 0; i < len; i++) {
                    String at = mode + " len=" + len + " step " + step + " i=" + i;
                    assertEquals(Float.floatToRawIntBits(p[0][OFF_X + i]), Float.floatToRawIntBits(p[1][OFF_X + i]), at);
                    assertEquals(Float.floatToRawIntBits(m[0][i]), Float.floatToRawIntBits(m[1][i]), at);
                    assertEquals(Float.floatToRawIntBits(v[0][i]), Float.floatToRawIntBits(v[1][i]), at);
                }
            }
            if (len > 0) { // the step moved the parameters: the comparison above is not of untouched arrays
                assertTrue(p[0][OFF_X] != random(len + 7, OFF_X + len + 2)[OFF_X], mode.toString());
            }
        }
    }
}
