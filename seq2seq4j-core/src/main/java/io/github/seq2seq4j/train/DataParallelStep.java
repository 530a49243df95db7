package io.github.seq2seq4j.train;

import io.github.seq2seq4j.autograd.Graph;
import io.github.seq2seq4j.data.Batch;
import io.github.seq2seq4j.decode.ThreadSplit;
import io.github.seq2seq4j.kernels.Parallel;
import io.github.seq2seq4j.model.Encoded;
import io.github.seq2seq4j.model.EncoderDecoder;
import io.github.seq2seq4j.nn.Module;
import io.github.seq2seq4j.tensor.Arena;
import io.github.seq2seq4j.tensor.Rng;
import io.github.seq2seq4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The teacher-forced loss and its gradients, data-parallel: a batch's rows are dealt into one
 * part per thread, each part runs forward and backward on its own thread, graph and model replica
 * (the replicas share the model's weights and keep their own gradients), and the replicas'
 * gradients are then added to the model's, part 1 first, then part 2, and so on.
 *
 * <p>Each part's mean loss is back-propagated with the weight (its tokens / the batch's tokens),
 * so the summed gradient is that of the whole batch's mean loss, as with one thread; it differs
 * from one thread's only in the rounding of sums done in another order. The deal and the reduction
 * are fixed, so the same thread count gives the same bits on every run. Inside a part the kernels
 * run on that part's thread alone ({@link Parallel} does not nest).
 */
final class DataParallelStep {
    /** Floats of gradient per reduction task: big enough to amortise a task, small enough to share. */
    private static final int CHUNK = 1 << 16;

    private final EncoderDecoder model;
    private final EncoderDecoder[] replicas; // [parts]; replicas[0] is the model itself
    private final Graph[] graphs;            // [parts]; graphs[0] is the trainer's graph
    private final List<Tensor[]> params;     // per parameter: its tensor in each replica
    private final int[] chunkParam;          // reduction task -> parameter
    private final int[] chunkStart;          // reduction task -> first float of the chunk

    DataParallelStep(EncoderDecoder model, Graph graph, int parts) {
        if (parts < 2) {
            throw new IllegalArgumentException("data-parallel training needs at least 2 parts, got " + parts);
        }
        this.model = model;
        this.replicas = new EncoderDecoder[parts];
        this.graphs = new Graph[parts];
        replicas[0] = model;
        graphs[0] = graph;
        for (int p = 1; p < parts; p++) {
            replicas[p] = Module.replicaOf(model,
                    () -> new EncoderDecoder(model.config(), model.srcVocabSize(), model.tgtVocabSize()));
            graphs[p] = Graph.of(true, new Arena());
        }
        List<List<Tensor>> each = new ArrayList<>();
        for (EncoderDecoder r : replicas) {
            each.add(r.parameters());
        }
        params = new ArrayList<>();
        List<int[]> chunks = new ArrayList<>();
        for (int i = 0; i < each.get(0).size(); i++) {
            Tensor[] t = new Tensor[parts];
            for (int p = 0; p < parts; p++) {
                t[p] = each.get(p).get(i);
            }
            params.add(t);
            for (int s = 0; s < t[0].size(); s += CHUNK) {
                chunks.add(new int[] {i, s});
            }
        }
        chunkParam = chunks.stream().mapToInt(c -> c[0]).toArray();
        chunkStart = chunks.stream().mapToInt(c -> c[1]).toArray();
    }

    int parts() {
        return replicas.length;
    }

    /**
     * Forward and backward of the batch's mean teacher-forced loss: adds its gradients to the
     * model's parameters' (the caller zeroes them first) and returns the loss, or a non-finite
     * value if any part's loss was not finite (its gradients are then meaningless).
     */
    double lossAndGradients(Batch b, float labelSmoothing) {
        Batch[] parts = deal(b, replicas.length);
        double[] losses = new double[parts.length];
        float[] weights = new float[parts.length];
        for (int p = 0; p < parts.length; p++) {
            weights[p] = (float) parts[p].targetTokens() / b.targetTokens();
        }
        if (model.config().dropout() > 0) { // each replica's masks from the model's generator, which checkpoints save
            for (int p = 1; p < parts.length; p++) {
                replicas[p].setDropoutRng(new Rng(model.dropoutRng().nextLong()));
            }
        }
        Parallel.run(parts.length, p -> {
            Graph g = graphs[p];
            g.reset();
            Batch part = parts[p];
            EncoderDecoder m = replicas[p];
            Encoded enc = m.encode(g, part.src(), part.srcLen(), part.srcWidth());
            Tensor loss = m.teacherForcedLoss(g, enc, part.tgtIn(), part.tgtOut(), part.tgtWidth(), labelSmoothing);
            losses[p] = loss.item();
            if (Double.isFinite(losses[p])) {
                g.backward(loss, weights[p]);
            }
        });
        Parallel.run(chunkParam.length, this::reduce);
        double total = 0;
        for (int p = 0; p < parts.length; p++) {
            total += weights[p] * losses[p];
        }
        return total;
    }

    /** model.grad += Σ_{p≥1} replica p's grad over one chunk, in p order; the replicas' grads are zeroed. */
    private void reduce(int chunk) {
        Tensor[] t = params.get(chunkParam[chunk]);
        int from = chunkStart[chunk];
        int to = Math.min(t[0].size(), from + CHUNK);
        Tensor g0 = t[0].grad();
        float[] acc = g0.data();
        int ao = g0.offset();
        for (int p = 1; p < t.length; p++) {
            Tensor gp = t[p].grad();
            float[] d = gp.data();
            int o = gp.offset();
            for (int i = from; i < to; i++) {
                acc[ao + i] += d[o + i];
            }
            Arrays.fill(d, o + from, o + to, 0f);
        }
    }

    /**
     * The batch's rows dealt into {@code n} parts of nearly equal work: rows ranked by target
     * length (then source length, then position), longest first, and dealt round-robin.
     */
    static Batch[] deal(Batch b, int n) {
        int rows = b.size();
        int parts = Math.min(n, rows);
        Integer[] order = new Integer[rows];
        int[] tgt = new int[rows];
        for (int r = 0; r < rows; r++) {
            order[r] = r;
            tgt[r] = b.targetLength(r);
        }
        int[] src = b.srcLen();
        Arrays.sort(order, (x, y) -> tgt[x] != tgt[y] ? tgt[y] - tgt[x] : src[x] != src[y] ? src[y] - src[x] : x - y);
        Batch[] out = new Batch[parts];
        for (int p = 0; p < parts; p++) {
            int[] which = ThreadSplit.rows(p, parts, rows); // ranks p, p + parts, ...: the same deal as decoding's
            for (int i = 0; i < which.length; i++) {
                which[i] = order[which[i]];
            }
            out[p] = b.rows(which);
        }
        return out;
    }

    /** Scratch floats the parts' graphs took in the last step. */
    long scratchFloats() {
        long n = 0;
        for (Graph g : graphs) {
            n += g.arena().used();
        }
        return n;
    }

    /** Gives every part's arena back (the trainer's own graph included). */
    void releaseScratch() {
        for (Graph g : graphs) {
            g.reset();
            g.arena().release();
        }
    }
}
