package io.github.seq2seq4j.kernels;

/**
 * The plain-loop twins of {@link VectorBlas1}. axpy uses {@link Math#fma} like the vector version,
 * so axpy, scale and add give the same bits in both; only dot sums in a different order.
 */
final class ScalarBlas1 implements Blas1Kernel {
    @Override
    public float dot(float[] x, int xOff, float[] y, int yOff, int len) {
        float sum = 0f;
        for (int i = 0; i < len; i++) {
            sum = Math.fma(x[xOff + i], y[yOff + i], sum);
        }
        return sum;
    }

    @Override
    public void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int len) {
        for (int i = 0; i < len; i++) {
            y[yOff + i] = Math.fma(alpha, x[xOff + i], y[yOff + i]);
        }
    }

    @Override
    public void scale(float alpha, float[] x, int xOff, int len) {
        for (int i = 0; i < len; i++) {
            x[xOff + i] *= alpha;
        }
    }

    @Override
    public void add(float[] x, int xOff, float[] y, int yOff, float[] out, int outOff, int len) {
        for (int i = 0; i < len; i++) {
            out[outOff + i] = x[xOff + i] + y[yOff + i];
        }
    }
}
