package io.github.seq2seq4j.ops;

import io.github.seq2seq4j.autograd.Graph;
import io.github.seq2seq4j.kernels.SoftmaxKernels;
import io.github.seq2seq4j.tensor.Tensor;

/**
 * Token-level losses of the reference's {@code loss_fn}: the mean over non-ignored targets of
 * {@code (1−ε)·(−log p[target]) + ε·(−mean_v log p[v])} (label smoothing spreads ε uniformly over
 * all V classes, as PyTorch does). With ε = 0 this is plain NLL.
 */
public final class Losses {
    private Losses() {}

    /** Loss from log-probabilities [..., V]; one target per row. NaN if every target is ignored (as PyTorch). */
    public static Tensor nll(Graph g, Tensor logp, int[] targets, int ignoreIndex, float smoothing) {
        return loss(g, logp, targets, ignoreIndex, smoothing, false);
    }

    /**
     * Fused log-softmax + NLL from logits [..., V]: the same value as nll(logSoftmax(logits)).
     * Only each row's log-sum-exp is kept; the backward recomputes softmax from the logits, so no
     * [rows, V] log-probability matrix is ever written.
     */
    public static Tensor crossEntropy(Graph g, Tensor logits, int[] targets, int ignoreIndex, float smoothing) {
        return loss(g, logits, targets, ignoreIndex, smoothing, true);
    }

    private static Tensor loss(Graph g, Tensor x, int[] targets, int ignoreIndex, float eps, boolean fromLogits) {
        Checks.minRank(fromLogits ? "crossEntropy" : "nll", x, 1);
        int vocab = x.dim(-1);
        int rows = x.size() / vocab;
        if (targets.length != rows) {
            throw new IllegalArgumentException((fromLogits ? "crossEntropy" : "nll") + ": " + targets.length
                    + " targets for " + rows + " rows of " + java.util.Arrays.toString(x.shape()));
        }
        if (eps < 0f || eps >= 1f) {
            throw new IllegalArgumentException("label smoothing must be in [0, 1): " + eps);
        }
        float[] xd = x.data();
        // log p[v] = x[v] − lse[r] (lse = 0 when x already holds log-probabilities)
        Tensor lseT = g.scratch(rows);
        float[] lse = lseT.data();
        int lo = lseT.offset();
        int count = 0;
        double total = 0;
        for (int r = 0; r < rows; r++) {
            int t = targets[r];
            if (t == ignoreIndex) {
                continue;
            }
            if (t < 0 || t >= vocab) {
                throw new IllegalArgumentException("target " + t + " out of range for " + vocab + " classes");
            }
            int ro = x.offset() + r * vocab;
            float shift = fromLogits ? SoftmaxKernels.logSumExp(xd, ro, vocab) : 0f;
            lse[lo + r] = shift;
            double perToken = -(1 - eps) * (double) (xd[ro + t] - shift);
            if (eps > 0) {
                double s = SoftmaxKernels.sum(xd, ro, vocab) - (double) vocab * shift; // Σ_v log p[v]
                perToken -= eps * s / vocab;
            }
            total += perToken;
            count++;
        }
        boolean grad = g.needsGrad(x);
        Tensor out = g.output(grad);
        out.data()[out.offset()] = count == 0 ? Float.NaN : (float) (total / count);
        if (grad && count > 0) {
            int n = count;
            g.record(() -> {
                float scale = out.grad().item() / n;
                float[] dx = x.grad().data();
                float uniform = eps / vocab;
                for (int r = 0; r < rows; r++) {
                    int t = targets[r];
                    if (t == ignoreIndex) {
                        continue;
                    }
                    int go = x.grad().offset() + r * vocab;
                    if (fromLogits) { // d/dlogit = softmax − (1−ε)·onehot − ε/V
                        SoftmaxKernels.addScaledExp(xd, x.offset() + r * vocab, lse[lo + r], scale, -scale * uniform, dx, go, vocab);
                    } else if (eps > 0) { // d/dlogp = −(1−ε)·onehot − ε/V
                        for (int v = 0; v < vocab; v++) {
                            dx[go + v] -= scale * uniform;
                        }
                    }
                    dx[go + t] -= scale * (1 - eps);
                }
            });
        }
        return out;
    }
}
