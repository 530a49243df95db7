package io.github.seq2seq4j.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API versions of the {@link Blas1} operations: full vectors up to
 * {@code loopBound(len)}, then a scalar tail computed exactly like {@link ScalarBlas1}.
 * Loaded only when the jdk.incubator.vector module is present.
 */
final class VectorBlas1 implements Blas1Kernel {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    /** Four independent accumulators hide the FMA latency (4 cycles, 2 per cycle on Zen 3). */
    @Override
    public float dot(float[] x, int xOff, float[] y, int yOff, int len) {
        FloatVector s0 = FloatVector.zero(SPECIES);
        FloatVector s1 = s0;
        FloatVector s2 = s0;
        FloatVector s3 = s0;
        int i = 0;
        for (int bound = len - 4 * LANES; i <= bound; i += 4 * LANES) {
            s0 = FloatVector.fromArray(SPECIES, x, xOff + i).fma(FloatVector.fromArray(SPECIES, y, yOff + i), s0);
            s1 = FloatVector.fromArray(SPECIES, x, xOff + i + LANES)
                    .fma(FloatVector.fromArray(SPECIES, y, yOff + i + LANES), s1);
            s2 = FloatVector.fromArray(SPECIES, x, xOff + i + 2 * LANES)
                    .fma(FloatVector.fromArray(SPECIES, y, yOff + i + 2 * LANES), s2);
            s3 = FloatVector.fromArray(SPECIES, x, xOff + i + 3 * LANES)
                    .fma(FloatVector.fromArray(SPECIES, y, yOff + i + 3 * LANES), s3);
        }
        for (int bound = SPECIES.loopBound(len); i < bound; i += LANES) {
            s0 = FloatVector.fromArray(SPECIES, x, xOff + i).fma(FloatVector.fromArray(SPECIES, y, yOff + i), s0);
        }
        FloatVector acc = s0.add(s1).add(s2.add(s3));
        float sum = acc.lane(0); // lane by lane in order, never reduceLanes: see VectorMath
        for (int j = 1; j < LANES; j++) {
            sum += acc.lane(j);
        }
        for (; i < len; i++) {
            sum = Math.fma(x[xOff + i], y[yOff + i], sum);
        }
        return sum;
    }

    @Override
    public void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int len) {
        FloatVector a = FloatVector.broadcast(SPECIES, alpha);
        int i = 0;
        for (int bound = SPECIES.loopBound(len); i < bound; i += LANES) {
            a.fma(FloatVector.fromArray(SPECIES, x, xOff + i), FloatVector.fromArray(SPECIES, y, yOff + i))
                    .intoArray(y, yOff + i);
        }
        for (; i < len; i++) {
            y[yOff + i] = Math.fma(alpha, x[xOff + i], y[yOff + i]);
        }
    }

    @Override
    public void scale(float alpha, float[] x, int xOff, int len) {
        int i = 0;
        for (int bound = SPECIES.loopBound(len); i < bound; i += LANES) {
            FloatVector.fromArray(SPECIES, x, xOff + i).mul(alpha).intoArray(x, xOff + i);
        }
        for (; i < len; i++) {
            x[xOff + i] *= alpha;
        }
    }

    @Override
    public void add(float[] x, int xOff, float[] y, int yOff, float[] out, int outOff, int len) {
        int i = 0;
        for (int bound = SPECIES.loopBound(len); i < bound; i += LANES) {
            FloatVector.fromArray(SPECIES, x, xOff + i).add(FloatVector.fromArray(SPECIES, y, yOff + i))
                    .intoArray(out, outOff + i);
        }
        for (; i < len; i++) {
            out[outOff + i] = x[xOff + i] + y[yOff + i];
        }
    }

    /** {@link ScalarBlas1#adamTail}'s operations lane by lane (mul and add, never fused; sqrt and div correctly rounded). */
    @Override
    public void adam(AdamStep s, float[] p, int pOff, float[] g, int gOff, float[] m, float[] v, int len) {
        float c1 = 1f - s.beta1();
        float c2 = 1f - s.beta2();
        boolean coupledDecay = !s.decoupled() && s.weightDecay() != 0f;
        int i = 0;
        for (int bound = SPECIES.loopBound(len); i < bound; i += LANES) {
            FloatVector pv = FloatVector.fromArray(SPECIES, p, pOff + i);
            FloatVector gv = FloatVector.fromArray(SPECIES, g, gOff + i);
            if (s.decoupled()) {
                pv = pv.mul(s.decay());
            } else if (coupledDecay) {
                gv = gv.add(pv.mul(s.weightDecay()));
            }
            FloatVector mv = FloatVector.fromArray(SPECIES, m, i).mul(s.beta1()).add(gv.mul(c1));
            FloatVector vv = FloatVector.fromArray(SPECIES, v, i).mul(s.beta2()).add(gv.mul(c2).mul(gv));
            mv.intoArray(m, i);
            vv.intoArray(v, i);
            FloatVector denom = vv.lanewise(VectorOperators.SQRT).div(s.bc2Sqrt()).add(s.eps());
            pv.sub(mv.div(denom).mul(s.stepSize())).intoArray(p, pOff + i);
        }
        ScalarBlas1.adamTail(s, p, pOff, g, gOff, m, v, i, len);
    }
}
