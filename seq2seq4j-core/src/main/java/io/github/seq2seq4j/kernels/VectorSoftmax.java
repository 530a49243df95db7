package io.github.seq2seq4j.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API softmax pieces: e^x of a vector at a time ({@link VectorMath#expShift}), sums in
 * vector lanes, scalar tails. Element-wise results equal the scalar kernel's bits; sums
 * differ in the last bits (float lanes instead of a double).
 */
final class VectorSoftmax implements SoftmaxKernel {
    private static final VectorSpecies<Float> S = VectorMath.SPECIES;
    private static final int L = S.length();

    @Override
    public float max(float[] x, int xo, int n) {
        FloatVector m = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            m = m.max(FloatVector.fromArray(S, x, xo + i));
        }
        float r = m.reduceLanes(VectorOperators.MAX);
        for (; i < n; i++) {
            r = Math.max(r, x[xo + i]);
        }
        return r;
    }

    @Override
    public float expShift(float[] x, int xo, float shift, float[] y, int yo, int n) {
        return VectorMath.expShift(x, xo, shift, y, yo, n);
    }

    @Override
    public void subtract(float[] x, int xo, float shift, float[] y, int yo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(S, x, xo + i).sub(shift).intoArray(y, yo + i);
        }
        for (; i < n; i++) {
            y[yo + i] = x[xo + i] - shift;
        }
    }

    @Override
    public int firstShiftedEqual(float[] x, int xo, float shift, float target, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            VectorMask<Float> hit = FloatVector.fromArray(S, x, xo + i).sub(shift).eq(target);
            if (hit.anyTrue()) {
                return i + hit.firstTrue();
            }
        }
        for (; i < n; i++) {
            if (x[xo + i] - shift == target) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void scale(float[] y, int yo, float s, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(S, y, yo + i).mul(s).intoArray(y, yo + i);
        }
        for (; i < n; i++) {
            y[yo + i] *= s;
        }
    }

    @Override
    public float sum(float[] x, int xo, int n) {
        FloatVector acc = FloatVector.zero(S);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            acc = acc.add(FloatVector.fromArray(S, x, xo + i));
        }
        float sum = acc.lane(0); // lane by lane in order, never reduceLanes: see VectorMath
        for (int j = 1; j < L; j++) {
            sum += acc.lane(j);
        }
        for (; i < n; i++) {
            sum += x[xo + i];
        }
        return sum;
    }

    @Override
    public float dot(float[] a, int ao, float[] b, int bo, int n) {
        FloatVector acc = FloatVector.zero(S);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            acc = FloatVector.fromArray(S, a, ao + i).fma(FloatVector.fromArray(S, b, bo + i), acc);
        }
        float sum = acc.lane(0); // lane by lane in order, never reduceLanes: see VectorMath
        for (int j = 1; j < L; j++) {
            sum += acc.lane(j);
        }
        for (; i < n; i++) {
            sum = Math.fma(a[ao + i], b[bo + i], sum);
        }
        return sum;
    }

    @Override
    public void softmaxBackward(float[] y, int yo, float[] dy, int dyo, float c, float[] dx, int dxo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector t = FloatVector.fromArray(S, y, yo + i).mul(FloatVector.fromArray(S, dy, dyo + i).sub(c));
            FloatVector.fromArray(S, dx, dxo + i).add(t).intoArray(dx, dxo + i);
        }
        for (; i < n; i++) {
            dx[dxo + i] += y[yo + i] * (dy[dyo + i] - c);
        }
    }

    @Override
    public void addAffine(float[] e, int eo, float alpha, float beta, float[] dx, int dxo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector t = FloatVector.fromArray(S, e, eo + i).mul(alpha).add(beta);
            FloatVector.fromArray(S, dx, dxo + i).add(t).intoArray(dx, dxo + i);
        }
        for (; i < n; i++) {
            dx[dxo + i] += alpha * e[eo + i] + beta;
        }
    }
}
