package io.github.seq2seq4j.nn;

import io.github.seq2seq4j.autograd.Graph;
import io.github.seq2seq4j.ops.MatMul;
import io.github.seq2seq4j.tensor.Rng;
import io.github.seq2seq4j.tensor.Tensor;

/**
 * A single cell stepped by hand, as PyTorch's {@code nn.RNNCell}, {@code nn.GRUCell} and
 * {@code nn.LSTMCell}: parameters {@code weight_ih} [G·H, in], {@code weight_hh} [G·H, H],
 * {@code bias_ih}, {@code bias_hh} [G·H].
 */
public final class RecurrentCell extends Module {
    private final CellType type;
    private final int hidden;
    private final Tensor wIh;
    private final Tensor wHh;
    private final Tensor bIh;
    private final Tensor bHh;

    public RecurrentCell(CellType type, int inputSize, int hidden) {
        this.type = type;
        this.hidden = hidden;
        int gh = type.gates() * hidden;
        wIh = param("weight_ih", gh, inputSize);
        wHh = param("weight_hh", gh, hidden);
        bIh = param("bias_ih", gh);
        bHh = param("bias_hh", gh);
    }

    /** x [B,in] and the previous state → the next state. */
    public CellState step(Graph g, Tensor x, CellState prev) {
        Tensor xProj = MatMul.linear(g, x, wIh, bIh); // [B,GH]
        return CellStep.apply(g, type, xProj, 0, type.gates() * hidden, prev, wHh, bHh, null, 0);
    }

    public CellType type() {
        return type;
    }

    public int hidden() {
        return hidden;
    }

    /** PyTorch's default: U(−1/√H, 1/√H) for every parameter. */
    public void initDefault(Rng rng) {
        float k = (float) (1.0 / Math.sqrt(hidden));
        for (Tensor t : parameters()) {
            rng.uniform(t, -k, k);
        }
    }
}
