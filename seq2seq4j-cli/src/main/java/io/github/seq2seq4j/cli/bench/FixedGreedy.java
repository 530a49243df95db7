package io.github.seq2seq4j.cli.bench;

import io.github.seq2seq4j.autograd.FrozenPacks;
import io.github.seq2seq4j.autograd.Graph;
import io.github.seq2seq4j.data.Batch;
import io.github.seq2seq4j.decode.DecodeArenas;
import io.github.seq2seq4j.decode.ThreadSplit;
import io.github.seq2seq4j.model.DecoderState;
import io.github.seq2seq4j.model.DecoderStep;
import io.github.seq2seq4j.model.Encoded;
import io.github.seq2seq4j.model.EncoderDecoder;
import io.github.seq2seq4j.kernels.SoftmaxKernels;
import io.github.seq2seq4j.tensor.Tensor;
import java.util.Arrays;

/**
 * The reference's {@code greedy_batch(..., stop_at_eos=False)}: batched greedy decoding for
 * exactly {@code steps} steps, whatever the tokens, so that any weights cost the same. With
 * several kernel threads the batch is split between them as {@code GreedyDecoder} splits it.
 */
final class FixedGreedy {
    private FixedGreedy() {}

    /** Returns the chosen ids, [B, steps] row-major; weights packed in {@code packs} (null: packed for this call). */
    static int[] decode(EncoderDecoder model, FrozenPacks packs, Batch batch, int steps) {
        if (ThreadSplit.parts(batch.size()) == 1) {
            return decodeTogether(model, packs, batch, steps);
        }
        int[] out = new int[batch.size() * steps]; // one part of the batch per thread, as GreedyDecoder
        ThreadSplit.forEachPart(batch.size(), rows -> {
            int[] ids = decodeTogether(model, packs, batch.rows(rows), steps);
            for (int i = 0; i < rows.length; i++) {
                System.arraycopy(ids, i * steps, out, rows[i] * steps, steps);
            }
        });
        return out;
    }

    private static int[] decodeTogether(EncoderDecoder model, FrozenPacks packs, Batch batch, int steps) {
        int rows = batch.size();
        int[] out = new int[rows * steps];
        try (DecodeArenas arenas = DecodeArenas.acquire(packs)) { // as GreedyDecoder: no new memory per sentence
            Encoded enc = model.encode(arenas.encoder(), batch.src(), batch.srcLen(), batch.srcWidth());
            DecoderState state = model.start(enc);
            int[] y = new int[rows];
            Arrays.fill(y, EncoderDecoder.BOS);
            for (int t = 0; t < steps; t++) {
                Graph g = arenas.step(t);
                DecoderStep s = model.step(g, y, state, enc);
                state = s.state();
                Tensor logits = model.logits(g, s.output()); // [B,V]
                int vocab = logits.dim(1);
                for (int b = 0; b < rows; b++) { // argmax of log-softmax's row, without writing the row
                    int o = logits.offset() + b * vocab;
                    float lse = SoftmaxKernels.logSumExp(logits.data(), o, vocab);
                    y[b] = SoftmaxKernels.argmaxOfLogSoftmax(logits.data(), o, lse, vocab);
                    out[b * steps + t] = y[b];
                }
            }
        }
        return out;
    }
}
