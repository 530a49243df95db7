package io.github.seq2seq4j.kernels;

import java.util.Objects;

/**
 * Additive attention scores (Bahdanau et al. 2015) fused with their tanh, forward and backward,
 * one batch row at a time: {@code score[s] = Σ_a v[a]·tanh(q[a] + k[s,a])} over the row's first
 * {@code len} source positions (the rest are masked by the softmax and need no work). Vector API
 * lanes when the incubator module is present, plain loops otherwise (chosen once, like
 * {@link Gemm}).
 */
public final class AttentionKernels {
    private static final AttentionKernel KERNEL = "vector".equals(KernelSelection.family())
            ? KernelSelection.instantiate("VectorAttention", AttentionKernel.class)
            : new ScalarAttention();

    private AttentionKernels() {}

    /**
     * Scores of one row: q [att] at qo, keys [len, att] at ko, v [att] at vo, scores [len] at so;
     * the tanh values [len, att] go to act at ao (what the backward needs; a scratch area otherwise).
     */
    public static void additive(int att, int len, float[] q, int qo, float[] keys, int ko, float[] v, int vo,
                                float[] scores, int so, float[] act, int ao) {
        Objects.checkFromIndexSize(qo, att, q.length);
        Objects.checkFromIndexSize(ko, len * att, keys.length);
        Objects.checkFromIndexSize(vo, att, v.length);
        Objects.checkFromIndexSize(so, len, scores.length);
        Objects.checkFromIndexSize(ao, len * att, act.length);
        KERNEL.additive(att, len, q, qo, keys, ko, v, vo, scores, so, act, ao);
    }

    /**
     * Backward of {@link #additive} for one row, from the score gradients ds [len]: adds into the
     * query gradient gq [att], the key gradients gk [len, att] and gv [att]; null ones are skipped.
     */
    public static void additiveBackward(int att, int len, float[] ds, int dso, float[] v, int vo, float[] act, int ao,
                                        float[] gq, int gqo, float[] gk, int gko, float[] gv, int gvo) {
        Objects.checkFromIndexSize(dso, len, ds.length);
        Objects.checkFromIndexSize(vo, att, v.length);
        Objects.checkFromIndexSize(ao, len * att, act.length);
        if (gq != null) {
            Objects.checkFromIndexSize(gqo, att, gq.length);
        }
        if (gk != null) {
            Objects.checkFromIndexSize(gko, len * att, gk.length);
        }
        if (gv != null) {
            Objects.checkFromIndexSize(gvo, att, gv.length);
        }
        KERNEL.additiveBackward(att, len, ds, dso, v, vo, act, ao, gq, gqo, gk, gko, gv, gvo);
    }
}
