package io.github.seq2seq4j.kernels;

/** Row-wise softmax pieces; see {@link SoftmaxKernels}. Arguments are already checked. */
interface SoftmaxKernel {
    /** max of x[0..n). */
    float max(float[] x, int xo, int n);

    /** y[i] = e^{x[i] − shift} for i &lt; n (y may be x); returns Σ y[i]. */
    float expShift(float[] x, int xo, float shift, float[] y, int yo, int n);

    /** y[i] = x[i] − shift. */
    void subtract(float[] x, int xo, float shift, float[] y, int yo, int n);

    /** The first i &lt; n with x[i] − shift == target (rounded as {@link #subtract} rounds it), or −1. */
    int firstShiftedEqual(float[] x, int xo, float shift, float target, int n);

    /** y[i] *= s. */
    void scale(float[] y, int yo, float s, int n);

    /** Σ x[i]. */
    float sum(float[] x, int xo, int n);

    /** Σ a[i]·b[i]. */
    float dot(float[] a, int ao, float[] b, int bo, int n);

    /** dx[i] += y[i]·(dy[i] − c): the softmax backward. */
    void softmaxBackward(float[] y, int yo, float[] dy, int dyo, float c, float[] dx, int dxo, int n);

    /** dx[i] += alpha·e[i] + beta. */
    void addAffine(float[] e, int eo, float alpha, float beta, float[] dx, int dxo, int n);
}
