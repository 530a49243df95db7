package io.github.seq2seq4j.model;

import io.github.seq2seq4j.autograd.Graph;
import io.github.seq2seq4j.nn.Linear;
import io.github.seq2seq4j.nn.Module;
import io.github.seq2seq4j.ops.AttentionOps;
import io.github.seq2seq4j.ops.MatMul;
import io.github.seq2seq4j.ops.Softmax;
import io.github.seq2seq4j.tensor.Tensor;

/**
 * Scores a query [B,H] against the encoder outputs and returns a context vector, with the
 * reference's parameter names: {@code query}, {@code key}, {@code v} (additive variants),
 * {@code key} (luong_general), and {@code combine} (all Luong variants).
 */
public final class Attention extends Module {
    private final AttentionType kind;
    private final Linear query;
    private final Linear key;
    private final Linear v;
    private final Linear combine;

    /** Context [B,D] and weights [B,S]. */
    public record Result(Tensor context, Tensor weights) {}

    public Attention(ModelConfig cfg) {
        this(cfg.attention(), cfg.hiddenSize(), cfg.effectiveAttentionSize(), cfg.encoderOutputSize());
    }

    /**
     * @param h decoder hidden size (the query)
     * @param a attention size of the additive variants
     * @param d encoder output size (keys and values)
     */
    public Attention(AttentionType kind, int h, int a, int d) {
        this.kind = kind;
        if (kind.isAdditive()) {
            query = child("query", new Linear(h, a, false));
            key = child("key", new Linear(d, a, false));
            v = child("v", new Linear(a, 1, false));
        } else if (kind == AttentionType.LUONG_GENERAL) {
            query = null;
            key = child("key", new Linear(d, h, false));
            v = null;
        } else if (kind == AttentionType.LUONG_DOT) {
            query = null;
            key = null;
            v = null;
        } else {
            throw new IllegalArgumentException("no attention module for " + kind.configName());
        }
        combine = kind.isLuong() ? child("combine", new Linear(d + h, h, false)) : null;
    }

    /** Done once per source batch: projected keys [B,S,A] (or the encoder outputs for luong_dot). */
    public Tensor projectKeys(Graph g, Tensor encOut) {
        return key == null ? encOut : key.forward(g, encOut);
    }

    /**
     * @param q       query [B,H]
     * @param keys    from {@link #projectKeys}
     * @param encOut  values [B,S,D]
     * @param lengths source lengths [B] (positions past them get weight 0)
     */
    public Result forward(Graph g, Tensor q, Tensor keys, Tensor encOut, int[] lengths) {
        // Positions past each source's length are masked: the ops skip them instead of scoring them.
        Tensor scores = kind.isAdditive()
                ? AttentionOps.additiveScores(g, query.forward(g, q), keys, v.weight(), lengths) // [B,S]
                : AttentionOps.dotScores(g, q, keys, lengths); // [B,S]
        Tensor weights = Softmax.masked(g, scores, lengths); // [B,S]
        Tensor context = AttentionOps.weightedSum(g, weights, encOut, lengths); // [B,D]
        return new Result(context, weights);
    }

    /** Luong's attentional hidden state: tanh(W_c·[context; o]) [B,H]. */
    public Tensor combine(Graph g, Tensor contextAndOutput) {
        return io.github.seq2seq4j.ops.Activations.tanh(g, MatMul.linear(g, contextAndOutput, combine.weight(), null));
    }

    public AttentionType kind() {
        return kind;
    }
}
