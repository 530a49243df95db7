package io.github.seq2seq4j.kernels;

import java.util.Arrays;
import java.util.Objects;

/**
 * Softmax, log-softmax and cross-entropy rows, forward and backward, with e^x of a whole vector
 * at a time: Vector API lanes when the incubator module is present, plain loops otherwise (chosen
 * once, like {@link Gemm}). Each method works on one row of {@code n} floats at the given offsets.
 */
public final class SoftmaxKernels {
    private static final SoftmaxKernel KERNEL = "vector".equals(KernelSelection.family())
            ? KernelSelection.instantiate("VectorSoftmax", SoftmaxKernel.class)
            : new ScalarSoftmax();

    /** A row of e^x for functions that need one only transiently; grows to the widest row seen. */
    private static final ThreadLocal<float[]> ROW = ThreadLocal.withInitial(() -> new float[256]);

    private SoftmaxKernels() {}

    private static float[] row(int n) {
        float[] r = ROW.get();
        if (r.length < n) {
            r = new float[Math.max(n, 2 * r.length)];
            ROW.set(r);
        }
        return r;
    }

    /** y[0..cols) = softmax of x[0..len), then zeros (the masked positions). */
    public static void softmax(float[] x, int xo, float[] y, int yo, int len, int cols) {
        Objects.checkFromIndexSize(xo, len, x.length);
        Objects.checkFromIndexSize(yo, cols, y.length);
        float max = KERNEL.max(x, xo, len);
        float sum = KERNEL.expShift(x, xo, max, y, yo, len);
        KERNEL.scale(y, yo, 1f / sum, len);
        Arrays.fill(y, yo + len, yo + cols, 0f);
    }

    /** dx[i] += y[i]·(dy[i] − Σ_j dy[j]·y[j]) for i &lt; n: softmax's backward from its output y. */
    public static void softmaxBackward(float[] y, int yo, float[] dy, int dyo, float[] dx, int dxo, int n) {
        Objects.checkFromIndexSize(yo, n, y.length);
        Objects.checkFromIndexSize(dyo, n, dy.length);
        Objects.checkFromIndexSize(dxo, n, dx.length);
        KERNEL.softmaxBackward(y, yo, dy, dyo, KERNEL.dot(dy, dyo, y, yo, n), dx, dxo, n);
    }

    /** log Σ e^{x[i]} over one row, computed stably from the row's maximum. */
    public static float logSumExp(float[] x, int xo, int n) {
        Objects.checkFromIndexSize(xo, n, x.length);
        float max = KERNEL.max(x, xo, n);
        return max + (float) Math.log(KERNEL.expShift(x, xo, max, row(n), 0, n));
    }

    /** y = x − logsumexp(x) over one row (y may be x). */
    public static void logSoftmax(float[] x, int xo, float[] y, int yo, int n) {
        float lse = logSumExp(x, xo, n);
        Objects.checkFromIndexSize(yo, n, y.length);
        KERNEL.subtract(x, xo, lse, y, yo, n);
    }

    /**
     * The index argmax would pick from {@link #logSoftmax}'s output for this row (the first of the
     * largest), without writing that row: the first i whose x[i] − lse rounds to the largest value,
     * max(x) − lse. Rounding can tie a value just below the maximum with it, and then the earlier
     * index wins, as it does in the written row. 0 when the row holds NaN (every value is then NaN).
     *
     * @param lse {@link #logSumExp} of the row
     */
    public static int argmaxOfLogSoftmax(float[] x, int xo, float lse, int n) {
        Objects.checkFromIndexSize(xo, n, x.length);
        float target = KERNEL.max(x, xo, n) - lse;
        return Math.max(0, KERNEL.firstShiftedEqual(x, xo, lse, target, n));
    }

    /** Σ x[i] over one row. */
    public static float sum(float[] x, int xo, int n) {
        Objects.checkFromIndexSize(xo, n, x.length);
        return KERNEL.sum(x, xo, n);
    }

    /**
     * dx[i] += alpha·e^{x[i] − shift} + beta for i &lt; n. With shift = logsumexp(x) this adds
     * alpha·softmax(x) + beta: the gradient of cross-entropy (with label smoothing) from logits.
     */
    public static void addScaledExp(float[] x, int xo, float shift, float alpha, float beta, float[] dx, int dxo, int n) {
        Objects.checkFromIndexSize(xo, n, x.length);
        Objects.checkFromIndexSize(dxo, n, dx.length);
        float[] e = row(n);
        KERNEL.expShift(x, xo, shift, e, 0, n);
        KERNEL.addAffine(e, 0, alpha, beta, dx, dxo, n);
    }
}
