package io.github.seq2seq4j.kernels;

import java.util.Objects;

/**
 * Level-1 vector operations on (array, offset, length) slices, for attention and optimisers.
 * Vector API versions when the incubator module is present, plain loops otherwise (chosen once,
 * like {@link Gemm}). axpy, scale and add give identical bits in both; dot may differ in the last
 * bits because the vector version sums in several lanes.
 */
public final class Blas1 {
    private static final Blas1Kernel KERNEL = "vector".equals(KernelSelection.family())
            ? KernelSelection.instantiate("VectorBlas1", Blas1Kernel.class)
            : new ScalarBlas1();

    private Blas1() {}

    /** Σ x[xOff+i]·y[yOff+i] for i in [0, len). */
    public static float dot(float[] x, int xOff, float[] y, int yOff, int len) {
        Objects.checkFromIndexSize(xOff, len, x.length);
        Objects.checkFromIndexSize(yOff, len, y.length);
        return KERNEL.dot(x, xOff, y, yOff, len);
    }

    /** y[yOff+i] += alpha·x[xOff+i] (one fused multiply-add each). */
    public static void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int len) {
        Objects.checkFromIndexSize(xOff, len, x.length);
        Objects.checkFromIndexSize(yOff, len, y.length);
        KERNEL.axpy(alpha, x, xOff, y, yOff, len);
    }

    /** x[xOff+i] *= alpha. */
    public static void scale(float alpha, float[] x, int xOff, int len) {
        Objects.checkFromIndexSize(xOff, len, x.length);
        KERNEL.scale(alpha, x, xOff, len);
    }

    /**
     * out[outOff+i] = x[xOff+i] + y[yOff+i]. {@code out} may be {@code x} or {@code y} at the same
     * offset (in-place add); other overlaps are not supported.
     */
    public static void add(float[] x, int xOff, float[] y, int yOff, float[] out, int outOff, int len) {
        Objects.checkFromIndexSize(xOff, len, x.length);
        Objects.checkFromIndexSize(yOff, len, y.length);
        Objects.checkFromIndexSize(outOff, len, out.length);
        KERNEL.add(x, xOff, y, yOff, out, outOff, len);
    }

    /**
     * One Adam or AdamW step (see {@link AdamStep}) over p[pOff .. pOff+len) with gradient
     * g[gOff ..] and moments m[0 .. len), v[0 .. len), updated in place. The same bits in both kernels.
     */
    public static void adam(AdamStep s, float[] p, int pOff, float[] g, int gOff, float[] m, float[] v, int len) {
        Objects.checkFromIndexSize(pOff, len, p.length);
        Objects.checkFromIndexSize(gOff, len, g.length);
        Objects.checkFromIndexSize(0, len, m.length);
        Objects.checkFromIndexSize(0, len, v.length);
        KERNEL.adam(s, p, pOff, g, gOff, m, v, len);
    }

    /** The active implementation: {@code "vector"} or {@code "scalar"}. */
    public static String implementation() {
        return KERNEL instanceof ScalarBlas1 ? "scalar" : "vector";
    }
}
