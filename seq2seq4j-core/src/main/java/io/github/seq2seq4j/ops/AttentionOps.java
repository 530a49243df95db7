package io.github.seq2seq4j.ops;

import io.github.seq2seq4j.autograd.Graph;
import io.github.seq2seq4j.kernels.AttentionKernels;
import io.github.seq2seq4j.kernels.Blas1;
import io.github.seq2seq4j.tensor.Tensor;
import java.util.Arrays;

/**
 * Attention scoring and context ops over a source batch. Shapes: queries [B,A], keys [B,S,A],
 * values [B,S,D], scores and weights [B,S].
 *
 * <p>The overloads with {@code lengths} only work on each row's first {@code lengths[b]} source
 * positions: scores past them are 0 (a masked softmax ignores them) and get no gradient, and the
 * weighted sum ignores them. Without lengths every position counts.
 */
public final class AttentionOps {
    private AttentionOps() {}

    /**
     * Additive scores (Bahdanau et al. 2015): {@code score[b,s] = Σ_a v[a]·tanh(q[b,a] + k[b,s,a])},
     * q being the projected query and k the projected keys; v is [A] or [1,A]. One node; keeps the
     * tanh values for the backward pass.
     */
    public static Tensor additiveScores(Graph g, Tensor q, Tensor keys, Tensor v) {
        return additiveScores(g, q, keys, v, null);
    }

    /** {@link #additiveScores(Graph, Tensor, Tensor, Tensor)} over each row's first lengths[b] positions. */
    public static Tensor additiveScores(Graph g, Tensor q, Tensor keys, Tensor v, int[] lengths) {
        Checks.rank("additiveScores", q, 2);
        Checks.rank("additiveScores", keys, 3);
        int rows = q.dim(0), att = q.dim(1), src = keys.dim(1);
        if (keys.dim(0) != rows || keys.dim(2) != att) {
            throw Checks.shapeError("additiveScores", "keys must be [B,S,A] for query [B,A]", q, keys);
        }
        if (v.size() != att) {
            throw Checks.shapeError("additiveScores", "v must have A elements", v, q);
        }
        int[] lens = lengths(lengths, rows, src, "additiveScores");
        boolean grad = g.needsGrad(q, keys) || g.needsGrad(v);
        Tensor scores = g.output(grad, rows, src);
        // tanh values: kept for backward [B,S,A], else one row's worth reused [S,A]
        Tensor act = grad ? g.scratch(rows, src, att) : g.scratch(src, att);
        float[] sd = scores.data();
        for (int b = 0; b < rows; b++) {
            int len = lens == null ? src : lens[b];
            int so = scores.offset() + b * src;
            AttentionKernels.additive(att, len, q.data(), q.offset() + b * att, keys.data(), keys.offset() + b * src * att,
                    v.data(), v.offset(), sd, so, act.data(), act.offset() + (grad ? b * src * att : 0));
            Arrays.fill(sd, so + len, so + src, 0f);
        }
        if (grad) {
            g.record(() -> {
                Tensor ds = scores.grad(), gq = q.grad(), gk = keys.grad(), gv = v.grad();
                for (int b = 0; b < rows; b++) {
                    int len = lens == null ? src : lens[b];
                    AttentionKernels.additiveBackward(att, len, ds.data(), ds.offset() + b * src, v.data(), v.offset(),
                            act.data(), act.offset() + b * src * att,
                            gq == null ? null : gq.data(), gq == null ? 0 : gq.offset() + b * att,
                            gk == null ? null : gk.data(), gk == null ? 0 : gk.offset() + b * src * att,
                            gv == null ? null : gv.data(), gv == null ? 0 : gv.offset());
                }
            });
        }
        return scores;
    }

    /** Dot-product scores (Luong et al. 2015): {@code score[b,s] = Σ_h k[b,s,h]·q[b,h]}. */
    public static Tensor dotScores(Graph g, Tensor q, Tensor keys) {
        return dotScores(g, q, keys, null);
    }

    /** {@link #dotScores(Graph, Tensor, Tensor)} over each row's first lengths[b] positions. */
    public static Tensor dotScores(Graph g, Tensor q, Tensor keys, int[] lengths) {
        Checks.rank("dotScores", q, 2);
        Checks.rank("dotScores", keys, 3);
        int rows = q.dim(0), dim = q.dim(1), src = keys.dim(1);
        if (keys.dim(0) != rows || keys.dim(2) != dim) {
            throw Checks.shapeError("dotScores", "keys must be [B,S,H] for query [B,H]", q, keys);
        }
        int[] lens = lengths(lengths, rows, src, "dotScores");
        boolean grad = g.needsGrad(q, keys);
        Tensor scores = g.output(grad, rows, src);
        float[] qd = q.data(), kd = keys.data(), sd = scores.data();
        for (int b = 0; b < rows; b++) {
            int len = lens == null ? src : lens[b];
            int so = scores.offset() + b * src;
            for (int s = 0; s < len; s++) {
                sd[so + s] = Blas1.dot(kd, keys.offset() + (b * src + s) * dim, qd, q.offset() + b * dim, dim);
            }
            Arrays.fill(sd, so + len, so + src, 0f);
        }
        if (grad) {
            g.record(() -> {
                float[] ds = scores.grad().data();
                Tensor gq = q.grad(), gk = keys.grad();
                for (int b = 0; b < rows; b++) {
                    int len = lens == null ? src : lens[b];
                    for (int s = 0; s < len; s++) {
                        float d = ds[scores.grad().offset() + b * src + s];
                        if (d == 0f) {
                            continue;
                        }
                        int ko = (b * src + s) * dim, qo = b * dim;
                        if (gq != null) { // gq[b] += d·k[b,s]
                            Blas1.axpy(d, kd, keys.offset() + ko, gq.data(), gq.offset() + qo, dim);
                        }
                        if (gk != null) { // gk[b,s] += d·q[b]
                            Blas1.axpy(d, qd, q.offset() + qo, gk.data(), gk.offset() + ko, dim);
                        }
                    }
                }
            });
        }
        return scores;
    }

    /** Context vectors {@code c[b,d] = Σ_s w[b,s]·values[b,s,d]}: weights [B,S], values [B,S,D] → [B,D]. */
    public static Tensor weightedSum(Graph g, Tensor w, Tensor values) {
        return weightedSum(g, w, values, null);
    }

    /** {@link #weightedSum(Graph, Tensor, Tensor)} over each row's first lengths[b] positions. */
    public static Tensor weightedSum(Graph g, Tensor w, Tensor values, int[] lengths) {
        Checks.rank("weightedSum", w, 2);
        Checks.rank("weightedSum", values, 3);
        int rows = w.dim(0), src = w.dim(1), dim = values.dim(2);
        if (values.dim(0) != rows || values.dim(1) != src) {
            throw Checks.shapeError("weightedSum", "values must be [B,S,D] for weights [B,S]", w, values);
        }
        int[] lens = lengths(lengths, rows, src, "weightedSum");
        boolean grad = g.needsGrad(w, values);
        Tensor out = g.zeros(grad, rows, dim);
        float[] wd = w.data(), vd = values.data(), od = out.data();
        for (int b = 0; b < rows; b++) {
            int len = lens == null ? src : lens[b];
            for (int s = 0; s < len; s++) {
                float ws = wd[w.offset() + b * src + s];
                if (ws != 0f) { // c[b] += w[b,s]·values[b,s]
                    Blas1.axpy(ws, vd, values.offset() + (b * src + s) * dim, od, out.offset() + b * dim, dim);
                }
            }
        }
        if (grad) {
            g.record(() -> {
                float[] dOut = out.grad().data();
                Tensor gw = w.grad(), gv = values.grad();
                for (int b = 0; b < rows; b++) {
                    int len = lens == null ? src : lens[b];
                    int oo = out.grad().offset() + b * dim;
                    for (int s = 0; s < len; s++) {
                        int vo = (b * src + s) * dim;
                        if (gw != null) { // gw[b,s] += dOut[b]·values[b,s]
                            gw.data()[gw.offset() + b * src + s] += Blas1.dot(dOut, oo, vd, values.offset() + vo, dim);
                        }
                        if (gv != null) { // gv[b,s] += w[b,s]·dOut[b]
                            Blas1.axpy(wd[w.offset() + b * src + s], dOut, oo, gv.data(), gv.offset() + vo, dim);
                        }
                    }
                }
            });
        }
        return out;
    }

    /** Checks per-row lengths (each in 1..src) and returns a copy the backward may keep, or null. */
    private static int[] lengths(int[] lengths, int rows, int src, String op) {
        if (lengths == null) {
            return null;
        }
        if (lengths.length != rows) {
            throw new IllegalArgumentException(op + ": " + lengths.length + " lengths for " + rows + " rows");
        }
        for (int len : lengths) {
            if (len < 1 || len > src) {
                throw new IllegalArgumentException(op + ": length " + len + " outside 1.." + src);
            }
        }
        return lengths.clone();
    }
}
