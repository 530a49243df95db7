package io.github.seq2seq4j.model;

import io.github.seq2seq4j.autograd.Graph;
import io.github.seq2seq4j.nn.CellState;
import io.github.seq2seq4j.ops.ShapeOps;
import io.github.seq2seq4j.tensor.Tensor;
import java.util.Arrays;

/**
 * The teacher-forced training loss without the work on padding: the loss of
 * {@code loss(forward(...))} over the same non-PAD targets, but each decoder step only runs the
 * rows whose target is still going. The rows are taken longest target first, so the running
 * rows are a prefix of the batch; a step works on prefix views of the previous state and of the
 * encoder results (views share their gradient storage, so no copy and no tape node is needed),
 * and only the outputs of running rows reach the output layer and the loss.
 *
 * <p>Every token's log-probability is the one the full computation gives (a row's arithmetic does
 * not depend on the other rows); only the order of the final mean's sum differs.
 */
final class PackedTeacherForcing {
    private PackedTeacherForcing() {}

    static Tensor loss(EncoderDecoder model, Graph g, Encoded enc, int[] tgtIn, int[] tgtOut, int tgtTime,
                       float labelSmoothing) {
        int batch = enc.batch();
        int[] len = new int[batch]; // steps a row needs: up to its last non-PAD target
        for (int b = 0; b < batch; b++) {
            for (int t = tgtTime - 1; t >= 0; t--) {
                if (tgtOut[b * tgtTime + t] != EncoderDecoder.PAD) {
                    len[b] = t + 1;
                    break;
                }
            }
        }
        int[] order = longestFirst(len, tgtTime);
        Encoded sorted = permute(g, enc, order);
        DecoderState state = model.start(sorted);
        Tensor[] outs = new Tensor[tgtTime];
        int steps = 0;
        int total = 0;
        for (int t = 0; t < tgtTime; t++) {
            int n = 0;
            while (n < batch && len[order[n]] > t) {
                n++;
            }
            if (n == 0) {
                break;
            }
            int[] y = new int[n];
            for (int i = 0; i < n; i++) {
                y[i] = tgtIn[order[i] * tgtTime + t];
            }
            DecoderStep s = model.step(g, y, prefix(state, n), prefix(sorted, n));
            state = s.state();
            outs[steps++] = s.output(); // [n,H]
            total += n;
        }
        int[] targets = new int[total]; // in the order the outputs are stacked: step by step, rows in order
        int k = 0;
        for (int t = 0; t < steps; t++) {
            for (int i = 0; i < outs[t].dim(0); i++) {
                targets[k++] = tgtOut[order[i] * tgtTime + t];
            }
        }
        Tensor stacked = steps == 1 ? outs[0] : ShapeOps.concat(g, 0, Arrays.copyOf(outs, steps)); // [Σn,H]
        return model.loss(g, model.logits(g, stacked), targets, labelSmoothing);
    }

    /** Rows by non-increasing length, stable (counting sort over 0..maxLen). */
    private static int[] longestFirst(int[] len, int maxLen) {
        int[] start = new int[maxLen + 2];
        for (int l : len) {
            start[maxLen - l + 1]++;
        }
        for (int i = 1; i < start.length; i++) {
            start[i] += start[i - 1];
        }
        int[] order = new int[len.length];
        for (int b = 0; b < len.length; b++) {
            order[start[maxLen - len[b]]++] = b;
        }
        return order;
    }

    private static boolean identity(int[] order) {
        for (int i = 0; i < order.length; i++) {
            if (order[i] != i) {
                return false;
            }
        }
        return true;
    }

    /** The encoder results with their rows in {@code order} (gathers, with gradients). */
    private static Encoded permute(Graph g, Encoded enc, int[] order) {
        if (identity(order)) {
            return enc;
        }
        Tensor encOut = ShapeOps.gatherRows(g, enc.encOut(), order);
        Tensor keys = enc.keys() == null ? null
                : enc.keys() == enc.encOut() ? encOut : ShapeOps.gatherRows(g, enc.keys(), order);
        int[] lens = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            lens[i] = enc.srcLengths()[order[i]];
        }
        CellState[] init = new CellState[enc.initialState().length];
        for (int l = 0; l < init.length; l++) {
            CellState c = enc.initialState()[l];
            init[l] = new CellState(ShapeOps.gatherRows(g, c.h(), order),
                    c.c() == null ? null : ShapeOps.gatherRows(g, c.c(), order));
        }
        return new Encoded(encOut, keys, lens, init);
    }

    private static Encoded prefix(Encoded enc, int n) {
        if (enc.batch() == n) {
            return enc;
        }
        Tensor encOut = prefix(enc.encOut(), n);
        Tensor keys = enc.keys() == null ? null : enc.keys() == enc.encOut() ? encOut : prefix(enc.keys(), n);
        return new Encoded(encOut, keys, Arrays.copyOf(enc.srcLengths(), n), null);
    }

    private static DecoderState prefix(DecoderState st, int n) {
        if (st.feed().dim(0) == n) {
            return st;
        }
        CellState[] layers = new CellState[st.layers().length];
        for (int l = 0; l < layers.length; l++) {
            CellState c = st.layers()[l];
            layers[l] = new CellState(prefix(c.h(), n), c.c() == null ? null : prefix(c.c(), n));
        }
        return new DecoderState(layers, prefix(st.feed(), n));
    }

    /** The first n rows of x as a view: same storage, and a gradient that is a view of x's gradient. */
    static Tensor prefix(Tensor x, int n) {
        int[] shape = x.shape();
        if (shape[0] == n) {
            return x;
        }
        shape[0] = n;
        Tensor v = Tensor.view(x.data(), x.offset(), shape);
        if (x.grad() != null) {
            v.attachGrad(Tensor.view(x.grad().data(), x.grad().offset(), shape));
        }
        return v;
    }
}
