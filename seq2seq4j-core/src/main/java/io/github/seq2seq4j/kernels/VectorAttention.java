package io.github.seq2seq4j.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API additive attention scores: the tanh of a whole row of attention units at once
 * ({@link VectorMath#tanh}, into the act buffer), then the v-weighted sum in lanes. The element-wise values
 * (tanh, gradients into gk) equal the scalar kernel's bits; the sums over units may differ in the
 * last bits because lanes add in another order.
 */
final class VectorAttention implements AttentionKernel {
    private static final VectorSpecies<Float> S = VectorMath.SPECIES;
    private static final int L = S.length();

    @Override
    public void additive(int att, int len, float[] q, int qo, float[] keys, int ko, float[] v, int vo,
                         float[] scores, int so, float[] act, int ao) {
        int bound = S.loopBound(att);
        for (int s = 0; s < len; s++) {
            int at = ao + s * att;
            VectorMath.tanh(q, qo, keys, ko + s * att, act, at, att); // act[s] = tanh(q + k[s])
            FloatVector acc = FloatVector.zero(S);
            int a = 0;
            for (; a < bound; a += L) {
                acc = FloatVector.fromArray(S, act, at + a).fma(FloatVector.fromArray(S, v, vo + a), acc);
            }
            float sum = acc.lane(0); // lane by lane in order, never reduceLanes: see VectorMath
            for (int j = 1; j < L; j++) {
                sum += acc.lane(j);
            }
            for (; a < att; a++) {
                sum = Math.fma(v[vo + a], act[at + a], sum);
            }
            scores[so + s] = sum;
        }
    }

    @Override
    public void additiveBackward(int att, int len, float[] ds, int dso, float[] v, int vo, float[] act, int ao,
                                 float[] gq, int gqo, float[] gk, int gko, float[] gv, int gvo) {
        int bound = S.loopBound(att);
        FloatVector one = FloatVector.broadcast(S, 1f);
        for (int s = 0; s < len; s++) {
            float d = ds[dso + s];
            if (d == 0f) {
                continue;
            }
            int at = ao + s * att;
            int a = 0;
            for (; a < bound; a += L) {
                FloatVector t = FloatVector.fromArray(S, act, at + a);
                FloatVector pre = FloatVector.fromArray(S, v, vo + a).mul(d).mul(one.sub(t.mul(t)));
                if (gq != null) {
                    FloatVector.fromArray(S, gq, gqo + a).add(pre).intoArray(gq, gqo + a);
                }
                if (gk != null) {
                    FloatVector.fromArray(S, gk, gko + s * att + a).add(pre).intoArray(gk, gko + s * att + a);
                }
                if (gv != null) {
                    FloatVector.fromArray(S, gv, gvo + a).add(t.mul(d)).intoArray(gv, gvo + a);
                }
            }
            for (; a < att; a++) {
                float t = act[at + a];
                float pre = d * v[vo + a] * (1f - t * t);
                if (gq != null) {
                    gq[gqo + a] += pre;
                }
                if (gk != null) {
                    gk[gko + s * att + a] += pre;
                }
                if (gv != null) {
                    gv[gvo + a] += d * t;
                }
            }
        }
    }
}
