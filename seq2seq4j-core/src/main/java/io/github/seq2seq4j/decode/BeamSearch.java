package io.github.seq2seq4j.decode;

import io.github.seq2seq4j.autograd.FrozenPacks;
import io.github.seq2seq4j.autograd.Graph;
import io.github.seq2seq4j.model.DecoderState;
import io.github.seq2seq4j.model.DecoderStep;
import io.github.seq2seq4j.model.Encoded;
import io.github.seq2seq4j.model.EncoderDecoder;
import io.github.seq2seq4j.ops.Softmax;
import io.github.seq2seq4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Beam search with the semantics of the reference's {@code beam_search}, batched across sentences.
 *
 * <p>Per sentence, each step expands every live hypothesis by its {@code beam} most probable
 * tokens and keeps the {@code beam} best candidates by total log-probability (ties in expansion
 * order); a kept candidate ending in EOS is finished. A sentence stops when {@code beam}
 * hypotheses are finished, none is live, or its length limit is reached (then its live ones count
 * as finished). Hypotheses are ranked by {@code logP / ((5 + n) / 6)^α}, n counting EOS (GNMT).
 *
 * <p>All live hypotheses of all unfinished sentences run as one decoder batch of rows; finished
 * sentences leave the batch.
 */
public final class BeamSearch {
    private final EncoderDecoder model;
    private final int beam;
    private final double alpha;
    private final LengthLimit limit;
    private final FrozenPacks packs;

    /** Beam search of width {@code beam} ranking finished hypotheses by the GNMT length penalty with exponent {@code alpha}. */
    public BeamSearch(EncoderDecoder model, int beam, double alpha, LengthLimit limit) {
        this(model, beam, alpha, limit, null);
    }

    /**
     * As {@link #BeamSearch(EncoderDecoder, int, double, LengthLimit)}, with the weights packed in
     * {@code packs}, kept across calls (null: packed per call). Only for a model whose weights never
     * change again (see {@link FrozenPacks}).
     */
    public BeamSearch(EncoderDecoder model, int beam, double alpha, LengthLimit limit, FrozenPacks packs) {
        if (beam < 1) {
            throw new IllegalArgumentException("beam size must be at least 1: " + beam);
        }
        this.model = model;
        this.beam = beam;
        this.alpha = alpha;
        this.limit = limit;
        this.packs = packs;
    }

    /**
     * Per source, its hypotheses best first (at least one, at most as many as were finished). With
     * several kernel threads a batch is split between them ({@link ThreadSplit}).
     */
    public List<List<Hypothesis>> decode(int[][] sources, boolean withAttention) {
        return ThreadSplit.decode(sources, part -> decodeTogether(part, withAttention));
    }

    /** The sources as one batch on this thread (its products split between the kernel threads). */
    private List<List<Hypothesis>> decodeTogether(int[][] sources, boolean withAttention) {
        SourceBatch in = SourceBatch.of(sources, limit);
        int batch = in.size();
        int srcTime = in.srcTime();
        int[] src = in.src();
        int[] lengths = in.lengths();
        List<List<BeamNode>> finished = new ArrayList<>();
        List<List<Hypothesis>> results = new ArrayList<>();
        for (int b = 0; b < batch; b++) {
            finished.add(new ArrayList<>());
            results.add(null);
        }
        try (DecodeArenas arenas = DecodeArenas.acquire(packs)) {
            Encoded enc = model.encode(arenas.encoder(), src, lengths, srcTime);
            // Rows: one per live hypothesis. Start: one row per sentence.
            int[] rowSentence = new int[batch];
            BeamNode[] rowNode = new BeamNode[batch];
            for (int b = 0; b < batch; b++) {
                rowSentence[b] = b;
                rowNode[b] = BeamNode.ROOT;
            }
            DecoderState state = model.start(enc);
            int[] stepsDone = new int[batch];
            for (int t = 0; rowSentence.length > 0; t++) {
                Graph g = arenas.step(t);
                Encoded rowsEnc = LiveRows.encoded(g, enc, rowSentence);
                int[] y = new int[rowSentence.length];
                for (int r = 0; r < y.length; r++) {
                    y[r] = rowNode[r].length() == 0 ? EncoderDecoder.BOS : rowNode[r].token();
                }
                DecoderStep s = model.step(g, y, state, rowsEnc);
                Tensor logp = Softmax.logSoftmax(g, model.logits(g, s.output())); // [rows,V]
                List<Integer> keepRows = new ArrayList<>();
                List<BeamNode> keepNodes = new ArrayList<>();
                int r0 = 0;
                while (r0 < rowSentence.length) { // rows of one sentence are contiguous
                    int sent = rowSentence[r0];
                    int r1 = r0;
                    while (r1 < rowSentence.length && rowSentence[r1] == sent) {
                        r1++;
                    }
                    List<Candidate> cands = new ArrayList<>();
                    for (int r = r0; r < r1; r++) {
                        float[] att = withAttention && s.weights() != null
                                ? GreedyDecoder.rowPrefix(s.weights(), r, lengths[sent]) : null;
                        for (int tok : topK(logp, r, beam)) {
                            float lp = logp.data()[logp.offset() + r * logp.dim(1) + tok];
                            cands.add(new Candidate(r, rowNode[r].extend(tok, lp, att)));
                        }
                    }
                    cands.sort(Comparator.comparingDouble(c -> -c.node.score())); // stable: ties keep expansion order
                    List<BeamNode> fin = finished.get(sent);
                    int live = 0;
                    List<Integer> liveRows = new ArrayList<>();
                    List<BeamNode> liveNodes = new ArrayList<>();
                    for (int i = 0; i < Math.min(beam, cands.size()); i++) {
                        Candidate c = cands.get(i);
                        if (c.node.token() == EncoderDecoder.EOS) {
                            fin.add(c.node);
                        } else {
                            liveRows.add(c.row);
                            liveNodes.add(c.node);
                            live++;
                        }
                    }
                    stepsDone[sent]++;
                    boolean over = fin.size() >= beam || live == 0 || stepsDone[sent] >= limit.steps(lengths[sent]);
                    if (over) {
                        if (fin.size() < beam) {
                            fin.addAll(liveNodes);
                        }
                        results.set(sent, rank(fin));
                    } else {
                        keepRows.addAll(liveRows);
                        keepNodes.addAll(liveNodes);
                    }
                    r0 = r1;
                }
                int n = keepRows.size();
                int[] parents = new int[n];
                int[] nextSentence = new int[n];
                for (int i = 0; i < n; i++) {
                    parents[i] = keepRows.get(i);
                    nextSentence[i] = rowSentence[parents[i]];
                }
                rowSentence = nextSentence;
                rowNode = keepNodes.toArray(new BeamNode[0]);
                state = n == 0 ? null : LiveRows.state(g, s.state(), parents);
            }
        }
        return results;
    }

    private record Candidate(int row, BeamNode node) {}

    private List<Hypothesis> rank(List<BeamNode> fin) {
        List<Hypothesis> hyps = new ArrayList<>();
        for (BeamNode n : fin) {
            int[] ids = n.tokens();
            boolean eos = ids.length > 0 && ids[ids.length - 1] == EncoderDecoder.EOS;
            hyps.add(new Hypothesis(eos ? Arrays.copyOf(ids, ids.length - 1) : ids, n.score(), eos, n.attentionRows()));
        }
        hyps.sort(Comparator.comparingDouble(h -> -h.normalizedScore(alpha))); // stable
        return hyps;
    }

    /** Indices of the k largest values of row r, largest first (lower index first on ties). */
    static int[] topK(Tensor rows, int r, int k) {
        int vocab = rows.dim(1);
        int kk = Math.min(k, vocab);
        float[] d = rows.data();
        int o = rows.offset() + r * vocab;
        int[] best = new int[kk];
        int n = 0;
        for (int v = 0; v < vocab; v++) {
            float x = d[o + v];
            if (n == kk && x <= d[o + best[n - 1]]) {
                continue;
            }
            int pos = n == kk ? n - 1 : n++;
            while (pos > 0 && d[o + best[pos - 1]] < x) {
                best[pos] = best[pos - 1];
                pos--;
            }
            best[pos] = v;
        }
        return best;
    }
}
