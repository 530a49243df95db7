package io.github.seq2seq4j.kernels;

/** Plain-Java softmax pieces (the fallback): sums in double, e^x from {@link FloatMath}. */
final class ScalarSoftmax implements SoftmaxKernel {
    @Override
    public float max(float[] x, int xo, int n) {
        float m = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            m = Math.max(m, x[xo + i]);
        }
        return m;
    }

    @Override
    public float expShift(float[] x, int xo, float shift, float[] y, int yo, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            float e = FloatMath.exp(x[xo + i] - shift);
            y[yo + i] = e;
            sum += e;
        }
        return (float) sum;
    }

    @Override
    public void subtract(float[] x, int xo, float shift, float[] y, int yo, int n) {
        for (int i = 0; i < n; i++) {
            y[yo + i] = x[xo + i] - shift;
        }
    }

    @Override
    public int firstShiftedEqual(float[] x, int xo, float shift, float target, int n) {
        for (int i = 0; i < n; i++) {
            if (x[xo + i] - shift == target) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void scale(float[] y, int yo, float s, int n) {
        for (int i = 0; i < n; i++) {
            y[yo + i] *= s;
        }
    }

    @Override
    public float sum(float[] x, int xo, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += x[xo + i];
        }
        return (float) sum;
    }

    @Override
    public float dot(float[] a, int ao, float[] b, int bo, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += a[ao + i] * b[bo + i];
        }
        return (float) sum;
    }

    @Override
    public void softmaxBackward(float[] y, int yo, float[] dy, int dyo, float c, float[] dx, int dxo, int n) {
        for (int i = 0; i < n; i++) {
            dx[dxo + i] += y[yo + i] * (dy[dyo + i] - c);
        }
    }

    @Override
    public void addAffine(float[] e, int eo, float alpha, float beta, float[] dx, int dxo, int n) {
        for (int i = 0; i < n; i++) {
            dx[dxo + i] += alpha * e[eo + i] + beta;
        }
    }
}
