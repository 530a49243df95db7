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

    @Override
    public void adam(AdamStep s, float[] p, int pOff, float[] g, int gOff, float[] m, float[] v, int len) {
        adamTail(s, p, pOff, g, gOff, m, v, 0, len);
    }

    /** Elements [from, len) of {@link #adam}: also the vector kernel's tail, so both round alike. */
    static void adamTail(AdamStep s, float[] p, int pOff, float[] g, int gOff, float[] m, float[] v, int from, int len) {
        float c1 = 1f - s.beta1();
        float c2 = 1f - s.beta2();
        for (int i = from; i < len; i++) {
            float pi = p[pOff + i];
            float gi = g[gOff + i];
            if (s.decoupled()) {
                pi *= s.decay();
            } else if (s.weightDecay() != 0f) {
                gi += s.weightDecay() * pi;
            }
            m[i] = s.beta1() * m[i] + c1 * gi;
            v[i] = s.beta2() * v[i] + c2 * gi * gi;
            float denom = (float) Math.sqrt(v[i]) / s.bc2Sqrt() + s.eps(); // sqrt in double, rounded: the float sqrt
            p[pOff + i] = pi - s.stepSize() * (m[i] / denom);
        }
    }
}
