package io.github.seq2seq4j.kernels;

/** Plain-Java additive attention scores (the fallback; tanh from {@link FloatMath}). */
final class ScalarAttention implements AttentionKernel {
    @Override
    public void additive(int att, int len, float[] q, int qo, float[] keys, int ko, float[] v, int vo,
                         float[] scores, int so, float[] act, int ao) {
        for (int s = 0; s < len; s++) {
            int k = ko + s * att;
            float acc = 0f;
            for (int a = 0; a < att; a++) {
                float t = FloatMath.tanh(q[qo + a] + keys[k + a]);
                act[ao + s * att + a] = t;
                acc = Math.fma(v[vo + a], t, acc);
            }
            scores[so + s] = acc;
        }
    }

    @Override
    public void additiveBackward(int att, int len, float[] ds, int dso, float[] v, int vo, float[] act, int ao,
                                 float[] gq, int gqo, float[] gk, int gko, float[] gv, int gvo) {
        for (int s = 0; s < len; s++) {
            float d = ds[dso + s];
            if (d == 0f) {
                continue;
            }
            int at = ao + s * att;
            for (int a = 0; a < att; a++) {
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
