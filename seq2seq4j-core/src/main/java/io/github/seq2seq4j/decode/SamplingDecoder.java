package io.github.seq2seq4j.decode;

import io.github.seq2seq4j.autograd.FrozenPacks;
import io.github.seq2seq4j.autograd.Graph;
import io.github.seq2seq4j.model.DecoderState;
import io.github.seq2seq4j.model.DecoderStep;
import io.github.seq2seq4j.model.Encoded;
import io.github.seq2seq4j.model.EncoderDecoder;
import io.github.seq2seq4j.ops.Softmax;
import io.github.seq2seq4j.tensor.Rng;
import io.github.seq2seq4j.tensor.Tensor;
import java.util.Arrays;

/**
 * Batched sampling: each step draws every sentence's next token from the model's distribution
 * reshaped by temperature, top-k and top-p. The hypothesis score is the model's own (untempered)
 * log-probability of the drawn tokens, comparable with greedy and beam scores.
 */
public final class SamplingDecoder {
    private final EncoderDecoder model;
    private final SamplingOptions options;
    private final FrozenPacks packs;

    /** Sampling from {@code model} as {@code options} say. */
    public SamplingDecoder(EncoderDecoder model, SamplingOptions options) {
        this(model, options, null);
    }

    /**
     * As {@link #SamplingDecoder(EncoderDecoder, SamplingOptions)}, with the weights packed in
     * {@code packs}, kept across calls (null: packed per call). Only for a model whose weights never
     * change again (see {@link FrozenPacks}).
     */
    public SamplingDecoder(EncoderDecoder model, SamplingOptions options, FrozenPacks packs) {
        this.model = model;
        this.options = options;
        this.packs = packs;
    }

    public Hypothesis[] decode(int[][] sources) {
        SourceBatch in = SourceBatch.of(sources, options.limit());
        int batch = in.size();
        int srcTime = in.srcTime();
        int[] src = in.src();
        int[] lengths = in.lengths();
        int[] stepLimit = in.stepLimit();
        int maxSteps = in.maxSteps();
        Rng rng = new Rng(options.seed());
        int[][] tokens = new int[batch][maxSteps];
        int[] count = new int[batch];
        double[] score = new double[batch];
        boolean[] finished = new boolean[batch];
        boolean[] done = new boolean[batch];
        try (DecodeArenas arenas = DecodeArenas.acquire(packs)) {
            Encoded enc = model.encode(arenas.encoder(), src, lengths, srcTime);
            DecoderState state = model.start(enc);
            int[] y = new int[batch];
            Arrays.fill(y, EncoderDecoder.BOS);
            int live = batch;
            float[] probs = null;
            Integer[] order = null;
            for (int step = 0; step < maxSteps && live > 0; step++) {
                Graph g = arenas.step(step);
                DecoderStep s = model.step(g, y, state, enc);
                state = s.state();
                Tensor logits = model.logits(g, s.output()); // [B,V]
                Tensor logp = Softmax.logSoftmax(g, logits);
                int vocab = logits.dim(1);
                if (probs == null) {
                    probs = new float[vocab];
                    order = new Integer[vocab];
                }
                for (int b = 0; b < batch; b++) {
                    if (done[b]) {
                        continue;
                    }
                    int tok = draw(logits.data(), logits.offset() + b * vocab, vocab, probs, order, rng);
                    score[b] += logp.data()[logp.offset() + b * vocab + tok];
                    if (tok == EncoderDecoder.EOS) {
                        finished[b] = true;
                        done[b] = true;
                    } else {
                        tokens[b][count[b]++] = tok;
                        done[b] = count[b] >= stepLimit[b];
                    }
                    if (done[b]) {
                        live--;
                    }
                    y[b] = tok;
                }
            }
        }
        Hypothesis[] out = new Hypothesis[batch];
        for (int b = 0; b < batch; b++) {
            out[b] = new Hypothesis(Arrays.copyOf(tokens[b], count[b]), score[b], finished[b], null);
        }
        return out;
    }

    /** One draw from softmax(logits / T) restricted to the top-k and the top-p nucleus. */
    int draw(float[] logits, int off, int vocab, float[] probs, Integer[] order, Rng rng) {
        float max = Float.NEGATIVE_INFINITY;
        for (int v = 0; v < vocab; v++) {
            max = Math.max(max, logits[off + v]);
        }
        double sum = 0;
        for (int v = 0; v < vocab; v++) {
            probs[v] = (float) Math.exp((logits[off + v] - max) / options.temperature());
            sum += probs[v];
            order[v] = v;
        }
        int keep = vocab;
        if (options.topK() > 0 || options.topP() < 1f) {
            final float[] p = probs;
            Arrays.sort(order, (a, b) -> a.equals(b) ? 0 : p[a] != p[b] ? Float.compare(p[b], p[a]) : Integer.compare(a, b));
            if (options.topK() > 0) {
                keep = Math.min(keep, options.topK());
            }
            if (options.topP() < 1f) {
                double mass = 0;
                for (int i = 0; i < keep; i++) {
                    mass += probs[order[i]] / sum;
                    if (mass >= options.topP()) {
                        keep = i + 1;
                        break;
                    }
                }
            }
            sum = 0;
            for (int i = 0; i < keep; i++) {
                sum += probs[order[i]];
            }
        }
        double u = rng.nextDouble() * sum;
        double acc = 0;
        for (int i = 0; i < keep; i++) {
            int v = order[i];
            acc += probs[v];
            if (u < acc) {
                return v;
            }
        }
        return order[keep - 1];
    }
}
