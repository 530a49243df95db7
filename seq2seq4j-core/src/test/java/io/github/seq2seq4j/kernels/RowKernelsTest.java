package io.github.seq2seq4j.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Vector and scalar attention and softmax kernels on odd sizes: element-wise results (tanh
 * values, key gradients, exponentials) bit for bit; sums within float32 summation error; and the
 * scalar versions against the definitions in double.
 */
class RowKernelsTest {
    private static float[] random(long seed, int n, double scale) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) ((rnd.nextDouble() * 2 - 1) * scale);
        }
        return a;
    }

    private static void assumeVector() {
        assumeTrue(KernelSelection.vectorAvailable(), "needs --add-modules jdk.incubator.vector");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 8, 17, 33, 130})
    void additiveScoresAgree(int att) {
        assumeVector();
        AttentionKernel vec = KernelSelection.instantiate("VectorAttention", AttentionKernel.class);
        AttentionKernel sca = new ScalarAttention();
        int len = 6;
        float[] q = random(1, 2 + att, 2), k = random(2, 3 + len * att, 2), v = random(3, 1 + att, 1);
        float[] sv = new float[len], ss = new float[len], av = new float[len * att], as = new float[len * att];
        vec.additive(att, len, q, 2, k, 3, v, 1, sv, 0, av, 0);
        sca.additive(att, len, q, 2, k, 3, v, 1, ss, 0, as, 0);
        assertArrayEquals(as, av);
        for (int s = 0; s < len; s++) {
            double want = 0, mag = 0;
            for (int a = 0; a < att; a++) {
                double t = Math.tanh(q[2 + a] + k[3 + s * att + a]);
                want += v[1 + a] * t;
                mag += Math.abs(v[1 + a] * t);
            }
            double tol = 1e-6 * mag + 1e-7;
            assertEquals(want, ss[s], tol, "scalar score " + s);
            assertEquals(want, sv[s], tol, "vector score " + s);
        }
        float[] ds = random(4, len, 1);
        ds[2] = 0f; // skipped position
        float[][] g = new float[6][];
        for (int i = 0; i < 2; i++) {
            float[] gq = new float[att], gk = new float[len * att], gv = new float[att];
            (i == 0 ? sca : vec).additiveBackward(att, len, ds, 0, v, 1, as, 0, gq, 0, gk, 0, gv, 0);
            g[3 * i] = gq;
            g[3 * i + 1] = gk;
            g[3 * i + 2] = gv;
        }
        assertArrayEquals(g[1], g[4]); // per-position key gradients: same operations
        for (int a = 0; a < att; a++) {
            assertEquals(g[0][a], g[3][a], 1e-6f);
            assertEquals(g[2][a], g[5][a], 1e-6f);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 8, 17, 33, 1001})
    void softmaxPiecesAgree(int n) {
        assumeVector();
        SoftmaxKernel vec = KernelSelection.instantiate("VectorSoftmax", SoftmaxKernel.class);
        SoftmaxKernel sca = new ScalarSoftmax();
        float[] x = random(n, 1 + n, 8);
        assertEquals(sca.max(x, 1, n), vec.max(x, 1, n));
        float[] yv = new float[n], ys = new float[n];
        float sumV = vec.expShift(x, 1, 2f, yv, 0, n);
        float sumS = sca.expShift(x, 1, 2f, ys, 0, n);
        assertArrayEquals(ys, yv);
        assertEquals(sumS, sumV, 1e-6f * sumS * n);
        float[] dv = random(5, n, 1), ds = dv.clone();
        vec.addAffine(ys, 0, 0.5f, -0.25f, dv, 0, n);
        sca.addAffine(ys, 0, 0.5f, -0.25f, ds, 0, n);
        assertArrayEquals(ds, dv);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 40, 1001})
    void facadeRowsMatchTheDefinitions(int n) {
        float[] x = random(n + 1, n, 5);
        double max = Double.NEGATIVE_INFINITY;
        for (float v : x) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (float v : x) {
            sum += Math.exp(v - max);
        }
        double lse = max + Math.log(sum);
        assertEquals(lse, SoftmaxKernels.logSumExp(x, 0, n), 1e-5 * Math.max(1, Math.abs(lse)));
        float[] y = new float[n + 2];
        int len = Math.max(1, n - 1);
        SoftmaxKernels.softmax(x, 0, y, 1, len, n);
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < len; i++) {
            m = Math.max(m, x[i]);
        }
        double z = 0;
        for (int i = 0; i < len; i++) {
            z += Math.exp(x[i] - m);
        }
        for (int i = 0; i < n; i++) {
            double want = i < len ? Math.exp(x[i] - m) / z : 0;
            assertEquals(want, y[1 + i], 1e-6, "softmax " + i);
        }
        assertEquals(0f, y[0]);
        assertEquals(0f, y[n + 1]);
    }

    /** Argmax (the first of the largest) over the row logSoftmax writes. */
    private static int argmaxOfWrittenRow(float[] x, int n) {
        float[] y = new float[n];
        SoftmaxKernels.logSoftmax(x, 0, y, 0, n);
        int best = 0;
        for (int i = 1; i < n; i++) {
            if (y[i] > y[best]) {
                best = i;
            }
        }
        return best;
    }

    /** The greedy pick from the logits, without writing the row. */
    private static int greedyPick(float[] x, int n) {
        return SoftmaxKernels.argmaxOfLogSoftmax(x, 0, SoftmaxKernels.logSumExp(x, 0, n), n);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 17, 40, 1001, 8000})
    void greedyArgmaxIsTheWrittenRowsArgmax(int n) {
        float[] x = random(n + 7, n, 4);
        assertEquals(argmaxOfWrittenRow(x, n), greedyPick(x, n));
        if (n < 2) {
            return;
        }
        // Small logits: lse − max ≈ log n is far larger than one ulp of the max, so the maximum at j and
        // the value one ulp below it at i < j round to the same x − lse, and i wins in the written row.
        float[] small = random(n + 9, n, 0.01);
        int i = n / 3, j = n - 1;
        small[j] = 0.02f;
        small[i] = Math.nextDown(0.02f);
        int want = argmaxOfWrittenRow(small, n);
        assertEquals(i, want, "tied in the written row");
        assertEquals(want, greedyPick(small, n));
        x[j] = 4.5f;
        x[i] = 4.5f - 1e-3f; // no longer tied
        assertEquals(j, greedyPick(x, n));
        x[i] = Float.NaN;
        assertEquals(argmaxOfWrittenRow(x, n), greedyPick(x, n));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 16, 17, 33, 130})
    void firstShiftedEqualAgrees(int n) {
        assumeVector();
        SoftmaxKernel vec = KernelSelection.instantiate("VectorSoftmax", SoftmaxKernel.class);
        SoftmaxKernel sca = new ScalarSoftmax();
        float[] x = random(n + 3, n + 2, 3);
        float shift = 1.25f;
        for (int at = 0; at < n; at++) {
            float target = x[2 + at] - shift;
            int want = -1;
            for (int i = 0; i < n && want < 0; i++) {
                want = x[2 + i] - shift == target ? i : -1;
            }
            assertEquals(want, sca.firstShiftedEqual(x, 2, shift, target, n), "scalar, target of " + at);
            assertEquals(want, vec.firstShiftedEqual(x, 2, shift, target, n), "vector, target of " + at);
        }
        assertEquals(-1, sca.firstShiftedEqual(x, 2, shift, 100f, n));
        assertEquals(-1, vec.firstShiftedEqual(x, 2, shift, 100f, n));
    }
}
