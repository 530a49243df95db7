package io.github.seq2seq4j.kernels;

/**
 * {@code y[n] (+)= x[k]·Wᵀ} for a single row x and a weight W stored [n, ldw ≥ k] (PyTorch's
 * [out, in] layout): the product that decoding one sentence at a time spends its time on.
 * {@link Gemm}'s tiles are built for many rows and, with one, fill one lane in 16; here eight
 * outputs run side by side, each its own chain of fused multiply-adds over k in order starting
 * from 0 or y, the very arithmetic Gemm performs per element. So a row gets the same bits alone as
 * inside a batch (decoding a sentence alone or in a batch agrees exactly), and the eight
 * independent chains keep both FMA units busy. Measured in docs/performance.md.
 */
public final class RowProjection {
    private RowProjection() {}

    /** Whether a product with this many rows should use {@link #project} instead of Gemm. */
    public static boolean suits(int rows) {
        return rows == 1;
    }

    /** y[j] = x·W[j] (or y[j] + x·W[j] with accumulate) for j &lt; n; W row j at wo + j·ldw. */
    public static void project(int n, int k, float[] x, int xo, float[] w, int wo, int ldw, float[] y, int yo,
                               boolean accumulate) {
        java.util.Objects.checkFromIndexSize(xo, k, x.length);
        java.util.Objects.checkFromIndexSize(yo, n, y.length);
        if (n > 0 && k > 0) {
            java.util.Objects.checkFromIndexSize(wo, (n - 1) * ldw + k, w.length);
        }
        int j = 0;
        for (; j + 8 <= n; j += 8) {
            int r = wo + j * ldw;
            float a0 = accumulate ? y[yo + j] : 0f, a1 = accumulate ? y[yo + j + 1] : 0f;
            float a2 = accumulate ? y[yo + j + 2] : 0f, a3 = accumulate ? y[yo + j + 3] : 0f;
            float a4 = accumulate ? y[yo + j + 4] : 0f, a5 = accumulate ? y[yo + j + 5] : 0f;
            float a6 = accumulate ? y[yo + j + 6] : 0f, a7 = accumulate ? y[yo + j + 7] : 0f;
            for (int p = 0; p < k; p++) {
                float xp = x[xo + p];
                a0 = Math.fma(xp, w[r + p], a0);
                a1 = Math.fma(xp, w[r + ldw + p], a1);
                a2 = Math.fma(xp, w[r + 2 * ldw + p], a2);
                a3 = Math.fma(xp, w[r + 3 * ldw + p], a3);
                a4 = Math.fma(xp, w[r + 4 * ldw + p], a4);
                a5 = Math.fma(xp, w[r + 5 * ldw + p], a5);
                a6 = Math.fma(xp, w[r + 6 * ldw + p], a6);
                a7 = Math.fma(xp, w[r + 7 * ldw + p], a7);
            }
            y[yo + j] = a0;
            y[yo + j + 1] = a1;
            y[yo + j + 2] = a2;
            y[yo + j + 3] = a3;
            y[yo + j + 4] = a4;
            y[yo + j + 5] = a5;
            y[yo + j + 6] = a6;
            y[yo + j + 7] = a7;
        }
        for (; j < n; j++) {
            int r = wo + j * ldw;
            float a = accumulate ? y[yo + j] : 0f;
            for (int p = 0; p < k; p++) {
                a = Math.fma(x[xo + p], w[r + p], a);
            }
            y[yo + j] = a;
        }
    }
}
