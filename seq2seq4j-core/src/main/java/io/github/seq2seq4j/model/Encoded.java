package io.github.seq2seq4j.model;

import io.github.seq2seq4j.nn.CellState;
import io.github.seq2seq4j.tensor.Tensor;

/**
 * What the decoder needs from a source batch, computed once.
 *
 * @param encOut       encoder outputs [B,S,D], zero past each length
 * @param keys         attention keys [B,S,A] (projected once), or null without attention
 * @param srcLengths   [B]
 * @param initialState the decoder's initial state per layer (through the bridge if bidirectional)
 */
public record Encoded(Tensor encOut, Tensor keys, int[] srcLengths, CellState[] initialState) {
    public int batch() {
        return srcLengths.length;
    }
}
