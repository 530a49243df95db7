package io.github.seq2seq4j.kernels;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One random GEMM test case with padded storage: leading dimensions larger than minimal, non-zero
 * offsets, and NaN in every float of C that the product must not touch. When not accumulating, C
 * starts as NaN too, so a kernel that reads C before writing it fails.
 */
final class GemmProblem {
    final boolean transA;
    final boolean transB;
    final int m;
    final int n;
    final int k;
    final boolean accumulate;
    final float[] a;
    final int aOff = 3;
    final int lda;
    final float[] b;
    final int bOff = 5;
    final int ldb;
    final float[] cInit;
    final int cOff = 7;
    final int ldc;
    private double[] expected;
    private double[] magnitude;

    GemmProblem(boolean transA, boolean transB, int m, int n, int k, boolean accumulate, long seed) {
        this.transA = transA;
        this.transB = transB;
        this.m = m;
        this.n = n;
        this.k = k;
        this.accumulate = accumulate;
        SplittableRandom rnd = new SplittableRandom(seed);
        int aRows = transA ? k : m;
        int bRows = transB ? n : k;
        lda = (transA ? m : k) + 2;
        ldb = (transB ? k : n) + 3;
        ldc = n + 1;
        a = filled(rnd, aOff + aRows * lda + 4);
        b = filled(rnd, bOff + bRows * ldb + 4);
        cInit = new float[cOff + m * ldc + 4];
        Arrays.fill(cInit, Float.NaN);
        if (accumulate) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    cInit[cOff + i * ldc + j] = (float) (rnd.nextDouble() * 2 - 1);
                }
            }
        }
    }

    private static float[] filled(SplittableRandom rnd, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) (rnd.nextDouble() * 2 - 1);
        }
        return x;
    }

    float opA(int i, int p) {
        return transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
    }

    float opB(int p, int j) {
        return transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
    }

    /** Runs the product on a fresh copy of C and returns it. */
    float[] run(GemmKernel kernel) {
        float[] c = cInit.clone();
        kernel.gemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate);
        return c;
    }

    /** Same through the public facade. */
    float[] runFacade() {
        float[] c = cInit.clone();
        Gemm.gemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate);
        return c;
    }

    /** The exact product in double precision, [m,n]. */
    double[] expected() {
        ensureReference();
        return expected;
    }

    /** Σ|terms| per element, [m,n]: the magnitude a float32 rounding error is proportional to. */
    double[] magnitude() {
        ensureReference();
        return magnitude;
    }

    private void ensureReference() {
        if (expected != null) {
            return;
        }
        expected = new double[m * n];
        magnitude = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double c0 = accumulate ? cInit[cOff + i * ldc + j] : 0.0;
                double sum = c0;
                double abs = Math.abs(c0);
                for (int p = 0; p < k; p++) {
                    double term = (double) opA(i, p) * opB(p, j);
                    sum += term;
                    abs += Math.abs(term);
                }
                expected[i * n + j] = sum;
                magnitude[i * n + j] = abs;
            }
        }
    }

    int cIndex(int i, int j) {
        return cOff + i * ldc + j;
    }

    boolean insideC(int index) {
        int rel = index - cOff;
        return rel >= 0 && rel / ldc < m && rel % ldc < n;
    }

    @Override
    public String toString() {
        return (transA ? "T" : "N") + (transB ? "T" : "N") + " m=" + m + " n=" + n + " k=" + k
                + (accumulate ? " accumulate" : "");
    }
}
