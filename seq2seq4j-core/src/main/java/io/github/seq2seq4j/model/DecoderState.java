package io.github.seq2seq4j.model;

import io.github.seq2seq4j.nn.CellState;
import io.github.seq2seq4j.tensor.Tensor;

/**
 * The decoder's recurrent state between steps.
 *
 * @param layers per-layer cell states, h [B,H] (and c for LSTM)
 * @param feed   Luong input feeding: the previous attentional state h̃ [B,H] (zeros at the start;
 *               unused by other variants)
 */
public record DecoderState(CellState[] layers, Tensor feed) {
    /** The top layer's h [B,H]. */
    public Tensor top() {
        return layers[layers.length - 1].h();
    }
}
