package io.github.seq2seq4j.decode;

import io.github.seq2seq4j.autograd.FrozenPacks;
import io.github.seq2seq4j.autograd.Graph;
import io.github.seq2seq4j.kernels.SoftmaxKernels;
import io.github.seq2seq4j.model.DecoderState;
import io.github.seq2seq4j.model.DecoderStep;
import io.github.seq2seq4j.model.Encoded;
import io.github.seq2seq4j.model.EncoderDecoder;
import io.github.seq2seq4j.tensor.Tensor;

/**
 * Batched greedy decoding: every step takes each sentence's most probable token (the first on
 * ties, as {@code argmax} does), until EOS or the sentence's own length limit. A sentence that
 * has finished leaves the batch ({@link LiveRows}), so a batch costs what its unfinished sentences
 * cost. Gives the same bits for a sentence alone or inside a padded batch.
 */
public final class GreedyDecoder {
    private final EncoderDecoder model;
    private final LengthLimit limit;
    private final FrozenPacks packs;

    /** Greedy decoding with {@code model}, at most {@code limit} steps per source. */
    public GreedyDecoder(EncoderDecoder model, LengthLimit limit) {
        this(model, limit, null);
    }

    /**
     * As {@link #GreedyDecoder(EncoderDecoder, LengthLimit)}, with the weights packed in
     * {@code packs}, kept across calls (null: packed per call). Only for a model whose weights never
     * change again (see {@link FrozenPacks}).
     */
    public GreedyDecoder(EncoderDecoder model, LengthLimit limit, FrozenPacks packs) {
        this.model = model;
        this.limit = limit;
        this.packs = packs;
    }

    /**
     * Decodes a batch of sources given as id arrays (no BOS/EOS). Returns one hypothesis per
     * source, in order; attention weights are kept when {@code withAttention}.
     */
    public Hypothesis[] decode(int[][] sources, boolean withAttention) {
        return ThreadSplit.decode(sources, part -> java.util.Arrays.asList(decodeTogether(part, withAttention)))
                .toArray(new Hypothesis[0]);
    }

    /** The sources as one batch on this thread (its products split between the kernel threads). */
    private Hypothesis[] decodeTogether(int[][] sources, boolean withAttention) {
        SourceBatch in = SourceBatch.of(sources, limit);
        int batch = in.size();
        int srcTime = in.srcTime();
        int[] src = in.src();
        int[] lengths = in.lengths();
        int[] stepLimit = in.stepLimit();
        int maxSteps = in.maxSteps();
        int[][] tokens = new int[batch][maxSteps];
        int[] count = new int[batch];
        double[] score = new double[batch];
        boolean[] finished = new boolean[batch];
        float[][][] attention = withAttention ? new float[batch][maxSteps][] : null;
        try (DecodeArenas arenas = DecodeArenas.acquire(packs)) {
            Encoded enc = model.encode(arenas.encoder(), src, lengths, srcTime);
            DecoderState state = model.start(enc);
            // Row r of a step is sentence rowSentence[r]; finished sentences leave in whole tiles.
            int[] rowSentence = new int[batch];
            for (int b = 0; b < batch; b++) {
                rowSentence[b] = b;
            }
            boolean[] done = new boolean[batch];
            int[] y = new int[batch];
            java.util.Arrays.fill(y, EncoderDecoder.BOS);
            int live = batch;
            for (int step = 0; step < maxSteps && live > 0; step++) {
                Graph g = arenas.step(step);
                Encoded rowsEnc = rowSentence.length == batch ? enc : LiveRows.encoded(g, enc, rowSentence);
                DecoderStep s = model.step(g, y, state, rowsEnc);
                state = s.state();
                Tensor logits = model.logits(g, s.output()); // [rows,V]
                int vocab = logits.dim(1);
                float[] ld = logits.data();
                int rows = rowSentence.length;
                for (int r = 0; r < rows; r++) {
                    int b = rowSentence[r];
                    if (done[b]) { // still computed until its tile leaves; its input does not matter
                        y[r] = EncoderDecoder.PAD;
                        continue;
                    }
                    // argmax and log-probability of log-softmax's row, without writing the row
                    int o = logits.offset() + r * vocab;
                    float lse = SoftmaxKernels.logSumExp(ld, o, vocab);
                    int best = SoftmaxKernels.argmaxOfLogSoftmax(ld, o, lse, vocab);
                    score[b] += ld[o + best] - lse;
                    if (attention != null && s.weights() != null) {
                        attention[b][step] = rowPrefix(s.weights(), r, lengths[b]);
                    }
                    if (best == EncoderDecoder.EOS) {
                        finished[b] = true;
                        done[b] = true;
                    } else {
                        tokens[b][count[b]++] = best;
                        done[b] = count[b] >= stepLimit[b];
                    }
                    if (done[b]) {
                        live--;
                    }
                    y[r] = best;
                }
                if (live > 0 && tiles(live) < tiles(rows)) { // a whole tile of rows is done: drop every done row
                    int[] keep = new int[live];
                    int[] next = new int[live];
                    int[] nextY = new int[live];
                    for (int r = 0, k = 0; r < rows; r++) {
                        if (!done[rowSentence[r]]) {
                            keep[k] = r;
                            next[k] = rowSentence[r];
                            nextY[k++] = y[r];
                        }
                    }
                    state = LiveRows.state(g, state, keep);
                    rowSentence = next;
                    y = nextY;
                }
            }
        }
        Hypothesis[] out = new Hypothesis[batch];
        for (int b = 0; b < batch; b++) {
            float[][] att = null;
            if (attention != null && model.config().attention() != io.github.seq2seq4j.model.AttentionType.NONE) {
                att = java.util.Arrays.copyOf(attention[b], count[b] + (finished[b] ? 1 : 0));
            }
            out[b] = new Hypothesis(java.util.Arrays.copyOf(tokens[b], count[b]), score[b], finished[b], att);
        }
        return out;
    }

    /**
     * Row tiles of the GEMM's widest kernel (8 rows with 512-bit vectors, fewer with narrower
     * ones): dropping fewer done rows than a tile saves no arithmetic and costs a gather of the
     * encoder outputs every step (G2P batches of 8 in bench/DecodeBatchCost.java became 10-30 % slower
     * per sentence).
     */
    private static final int ROW_TILE = 8;

    private static int tiles(int rows) {
        return (rows + ROW_TILE - 1) / ROW_TILE;
    }

    static float[] rowPrefix(Tensor weights, int row, int len) {
        float[] r = new float[len];
        System.arraycopy(weights.data(), weights.offset() + row * weights.dim(1), r, 0, len);
        return r;
    }
}
