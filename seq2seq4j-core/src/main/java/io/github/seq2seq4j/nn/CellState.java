package io.github.seq2seq4j.nn;

import io.github.seq2seq4j.tensor.Tensor;

/**
 * The state of one recurrent layer and direction: h [B,H], and for LSTM the cell state c [B,H]
 * (null otherwise).
 */
public record CellState(Tensor h, Tensor c) {
    /** A zero state of {@code rows × hidden} with no gradient. */
    public static CellState zeros(CellType type, int rows, int hidden) {
        return new CellState(Tensor.zeros(rows, hidden), type.hasCellState() ? Tensor.zeros(rows, hidden) : null);
    }
}
