package io.github.seq2seq4j.decode;

import io.github.seq2seq4j.autograd.Graph;
import io.github.seq2seq4j.model.DecoderState;
import io.github.seq2seq4j.model.Encoded;
import io.github.seq2seq4j.nn.CellState;
import io.github.seq2seq4j.ops.ShapeOps;
import io.github.seq2seq4j.tensor.Tensor;

/**
 * The rows a decoding step still computes, gathered from a larger batch: beam search keeps one row
 * per live hypothesis, greedy decoding drops the sentences that have finished. A row's results do
 * not depend on which other rows share its batch (each element of every product is one chain of
 * multiply-adds over its own row), so gathering changes the work, never the bits.
 */
final class LiveRows {
    private LiveRows() {}

    /** The encoder outputs, keys and source lengths of each row's sentence: row r is sentence rowSentence[r]. */
    static Encoded encoded(Graph g, Encoded enc, int[] rowSentence) {
        int[] lens = new int[rowSentence.length];
        for (int r = 0; r < lens.length; r++) {
            lens[r] = enc.srcLengths()[rowSentence[r]];
        }
        Tensor encOut = ShapeOps.gatherRows(g, enc.encOut(), rowSentence);
        Tensor keys = enc.keys() == null ? null
                : enc.keys() == enc.encOut() ? encOut : ShapeOps.gatherRows(g, enc.keys(), rowSentence);
        return new Encoded(encOut, keys, lens, null);
    }

    /** The decoder state of the given rows, in that order. */
    static DecoderState state(Graph g, DecoderState st, int[] rows) {
        CellState[] layers = new CellState[st.layers().length];
        for (int l = 0; l < layers.length; l++) {
            CellState c = st.layers()[l];
            layers[l] = new CellState(ShapeOps.gatherRows(g, c.h(), rows),
                    c.c() == null ? null : ShapeOps.gatherRows(g, c.c(), rows));
        }
        return new DecoderState(layers, ShapeOps.gatherRows(g, st.feed(), rows));
    }
}
