package io.github.seq2seq4j.ops;

import io.github.seq2seq4j.autograd.Graph;
import io.github.seq2seq4j.tensor.Tensor;

/**
 * Attention scoring and context ops over a source batch. Shapes: queries [B,A], keys [B,S,A],
 * values [B,S,D], scores and weights [B,S].
 */
public final class AttentionOps {
    private AttentionOps() {}

    /**
     * Additive scores (Bahdanau et al. 2015): {@code score[b,s] = Σ_a v[a]·tanh(q[b,a] + k[b,s,a])},
     * q being the projected query and k the projected keys; v is [A] or [1,A]. One node; keeps the
     * tanh values for the backward pass.
     */
    public static Tensor additiveScores(Graph g, Tensor q, Tensor keys, Tensor v) {
        Checks.rank("additiveScores", q, 2);
        Checks.rank("additiveScores", keys, 3);
        int rows = q.dim(0), att = q.dim(1), src = keys.dim(1);
        if (keys.dim(0) != rows || keys.dim(2) != att) {
            throw Checks.shapeError("additiveScores", "keys must be [B,S,A] for query [B,A]", q, keys);
        }
        if (v.size() != att) {
            throw Checks.shapeError("additiveScores", "v must have A elements", v, q);
        }
        boolean grad = g.needsGrad(q, keys) || g.needsGrad(v);
        Tensor scores = g.output(grad, rows, src);
        Tensor act = grad ? g.scratch(rows, src, att) : null; // tanh values, for backward
        float[] qd = q.data(), kd = keys.data(), vd = v.data(), sd = scores.data();
        for (int b = 0; b < rows; b++) {
            int qo = q.offset() + b * att;
            for (int s = 0; s < src; s++) {
                int ko = keys.offset() + (b * src + s) * att;
                int ao = act == null ? 0 : act.offset() + (b * src + s) * att;
                float acc = 0f;
                for (int a = 0; a < att; a++) {
                    float t = (float) Math.tanh(qd[qo + a] + kd[ko + a]);
                    if (act != null) {
                        act.data()[ao + a] = t;
                    }
                    acc += vd[v.offset() + a] * t;
                }
                sd[scores.offset() + b * src + s] = acc;
            }
        }
        if (grad) {
            g.record(() -> {
                float[] ds = scores.grad().data(), ad = act.data();
                Tensor gq = q.grad(), gk = keys.grad(), gv = v.grad();
                for (int b = 0; b < rows; b++) {
                    for (int s = 0; s < src; s++) {
                        float d = ds[scores.grad().offset() + b * src + s];
                        if (d == 0f) {
                            continue; // masked positions
                        }
                        int ao = act.offset() + (b * src + s) * att;
                        for (int a = 0; a < att; a++) {
                            float t = ad[ao + a];
                            float pre = d * vd[v.offset() + a] * (1f - t * t);
                            if (gq != null) {
                                gq.data()[gq.offset() + b * att + a] += pre;
                            }
                            if (gk != null) {
                                gk.data()[gk.offset() + (b * src + s) * att + a] += pre;
                            }
                            if (gv != null) {
                                gv.data()[gv.offset() + a] += d * t;
                            }
                        }
                    }
                }
            });
        }
        return scores;
    }

    /** Dot-product scores (Luong et al. 2015): {@code score[b,s] = Σ_h k[b,s,h]·q[b,h]}. */
    public static Tensor dotScores(Graph g, Tensor q, Tensor keys) {
        Checks.rank("dotScores", q, 2);
        Checks.rank("dotScores", keys, 3);
        int rows = q.dim(0), dim = q.dim(1), src = keys.dim(1);
        if (keys.dim(0) != rows || keys.dim(2) != dim) {
            throw Checks.shapeError("dotScores", "keys must be [B,S,H] for query [B,H]", q, keys);
        }
        boolean grad = g.needsGrad(q, keys);
        Tensor scores = g.output(grad, rows, src);
        float[] qd = q.data(), kd = keys.data();
        for (int b = 0; b < rows; b++) {
            for (int s = 0; s < src; s++) {
                int ko = keys.offset() + (b * src + s) * dim, qo = q.offset() + b * dim;
                float acc = 0f;
                for (int h = 0; h < dim; h++) {
                    acc += kd[ko + h] * qd[qo + h];
                }
                scores.data()[scores.offset() + b * src + s] = acc;
            }
        }
        if (grad) {
            g.record(() -> {
                float[] ds = scores.grad().data();
                Tensor gq = q.grad(), gk = keys.grad();
                for (int b = 0; b < rows; b++) {
                    for (int s = 0; s < src; s++) {
                        float d = ds[scores.grad().offset() + b * src + s];
                        if (d == 0f) {
                            continue;
                        }
                        int ko = (b * src + s) * dim, qo = b * dim;
                        for (int h = 0; h < dim; h++) {
                            if (gq != null) {
                                gq.data()[gq.offset() + qo + h] += d * kd[keys.offset() + ko + h];
                            }
                            if (gk != null) {
                                gk.data()[gk.offset() + ko + h] += d * qd[q.offset() + qo + h];
                            }
                        }
                    }
                }
            });
        }
        return scores;
    }

    /** Context vectors {@code c[b,d] = Σ_s w[b,s]·values[b,s,d]}: weights [B,S], values [B,S,D] → [B,D]. */
    public static Tensor weightedSum(Graph g, Tensor w, Tensor values) {
        Checks.rank("weightedSum", w, 2);
        Checks.rank("weightedSum", values, 3);
        int rows = w.dim(0), src = w.dim(1), dim = values.dim(2);
        if (values.dim(0) != rows || values.dim(1) != src) {
            throw Checks.shapeError("weightedSum", "values must be [B,S,D] for weights [B,S]", w, values);
        }
        boolean grad = g.needsGrad(w, values);
        Tensor out = g.zeros(grad, rows, dim);
        float[] wd = w.data(), vd = values.data(), od = out.data();
        for (int b = 0; b < rows; b++) {
            int oo = out.offset() + b * dim;
            for (int s = 0; s < src; s++) {
                float ws = wd[w.offset() + b * src + s];
                if (ws == 0f) {
                    continue;
                }
                int vo = values.offset() + (b * src + s) * dim;
                for (int d = 0; d < dim; d++) {
                    od[oo + d] += ws * vd[vo + d];
                }
            }
        }
        if (grad) {
            g.record(() -> {
                float[] dOut = out.grad().data();
                Tensor gw = w.grad(), gv = values.grad();
                for (int b = 0; b < rows; b++) {
                    int oo = out.grad().offset() + b * dim;
                    for (int s = 0; s < src; s++) {
                        int vo = (b * src + s) * dim;
                        if (gw != null) {
                            float acc = 0f;
                            for (int d = 0; d < dim; d++) {
                                acc += dOut[oo + d] * vd[values.offset() + vo + d];
                            }
                            gw.data()[gw.offset() + b * src + s] += acc;
                        }
                        if (gv != null) {
                            float ws = wd[w.offset() + b * src + s];
                            for (int d = 0; d < dim; d++) {
                                gv.data()[gv.offset() + vo + d] += ws * dOut[oo + d];
                            }
                        }
                    }
                }
            });
        }
        return out;
    }
}
