package io.github.seq2seq4j.cli.bench;

import io.github.seq2seq4j.autograd.FrozenPacks;
import io.github.seq2seq4j.autograd.Graph;
import io.github.seq2seq4j.data.Batch;
import io.github.seq2seq4j.decode.DecodeArenas;
import io.github.seq2seq4j.model.DecoderState;
import io.github.seq2seq4j.model.DecoderStep;
import io.github.seq2seq4j.model.Encoded;
import io.github.seq2seq4j.model.EncoderDecoder;
import io.github.seq2seq4j.nn.CellState;
import io.github.seq2seq4j.ops.ShapeOps;
import io.github.seq2seq4j.ops.Softmax;
import io.github.seq2seq4j.tensor.Tensor;
import java.util.Arrays;

/**
 * The reference's {@code beam_fixed}: one sentence, its {@code beam} hypotheses decoded as one
 * batch of rows for exactly {@code steps} steps (no early stop), each step keeping the
 * {@code beam} best of beam × V continuations by total log-probability.
 */
final class FixedBeam {
    private FixedBeam() {}

    /** Returns the final total log-probabilities of the beam, best first; weights packed in {@code packs} (null: for this call). */
    static float[] decode(EncoderDecoder model, FrozenPacks packs, Batch single, int beam, int steps) {
        if (single.size() != 1) {
            throw new IllegalArgumentException("beam benchmark decodes one sentence at a time, got " + single.size());
        }
        float[] scores = new float[beam];
        try (DecodeArenas arenas = DecodeArenas.acquire(packs)) { // as BeamSearch: no new memory per sentence
            Graph once = arenas.encoder();
            Encoded one = model.encode(once, single.src(), single.srcLen(), single.srcWidth());
            int[] rows = new int[beam]; // every hypothesis starts from sentence 0
            Encoded enc = expand(once, one, rows);
            DecoderState state = select(once, model.start(one), rows);
            Arrays.fill(scores, Float.NEGATIVE_INFINITY);
            scores[0] = 0f; // only the first row is live at the start
            int[] y = new int[beam];
            Arrays.fill(y, EncoderDecoder.BOS);
            int[] best = new int[beam];
            float[] bestScore = new float[beam];
            for (int t = 0; t < steps; t++) {
                Graph g = arenas.step(t);
                DecoderStep s = model.step(g, y, state, enc);
                Tensor logp = Softmax.logSoftmax(g, model.logits(g, s.output())); // [beam,V]
                int vocab = logp.dim(1);
                topK(scores, logp.data(), logp.offset(), beam, vocab, best, bestScore);
                for (int k = 0; k < beam; k++) {
                    rows[k] = best[k] / vocab;
                    y[k] = best[k] % vocab;
                    scores[k] = bestScore[k];
                }
                state = select(g, s.state(), rows);
            }
        }
        return scores;
    }

    /** The k best of scores[r] + logp[r,v] over all r, v (flat index r·V + v), best first. */
    static void topK(float[] scores, float[] logp, int off, int k, int vocab, int[] best, float[] bestScore) {
        int n = 0;
        for (int r = 0; r < k; r++) {
            float base = scores[r];
            if (base == Float.NEGATIVE_INFINITY) {
                continue; // a dead row cannot beat a live one
            }
            int ro = off + r * vocab;
            for (int v = 0; v < vocab; v++) {
                float x = base + logp[ro + v];
                if (n == k && !(x > bestScore[k - 1])) {
                    continue;
                }
                int pos = n == k ? k - 1 : n++;
                while (pos > 0 && bestScore[pos - 1] < x) {
                    bestScore[pos] = bestScore[pos - 1];
                    best[pos] = best[pos - 1];
                    pos--;
                }
                bestScore[pos] = x;
                best[pos] = r * vocab + v;
            }
        }
        for (int i = n; i < k; i++) { // fewer than k live candidates (k > V): pad with dead ones
            bestScore[i] = Float.NEGATIVE_INFINITY;
            best[i] = 0;
        }
    }

    private static Encoded expand(Graph g, Encoded enc, int[] rows) {
        Tensor encOut = ShapeOps.gatherRows(g, enc.encOut(), rows); // [beam,S,D]
        Tensor keys = enc.keys() == null ? null
                : enc.keys() == enc.encOut() ? encOut : ShapeOps.gatherRows(g, enc.keys(), rows); // [beam,S,A]
        int[] lens = new int[rows.length];
        Arrays.fill(lens, enc.srcLengths()[0]);
        return new Encoded(encOut, keys, lens, null);
    }

    private static DecoderState select(Graph g, DecoderState st, int[] rows) {
        CellState[] layers = new CellState[st.layers().length];
        for (int l = 0; l < layers.length; l++) {
            CellState c = st.layers()[l];
            layers[l] = new CellState(ShapeOps.gatherRows(g, c.h(), rows),
                    c.c() == null ? null : ShapeOps.gatherRows(g, c.c(), rows)); // [beam,H]
        }
        return new DecoderState(layers, ShapeOps.gatherRows(g, st.feed(), rows));
    }
}
