package io.github.seq2seq4j.ops;

import io.github.seq2seq4j.autograd.Graph;
import io.github.seq2seq4j.kernels.SoftmaxKernels;
import io.github.seq2seq4j.tensor.Tensor;

/** Softmax and log-softmax over the last dimension, and the length-masked softmax of attention. */
public final class Softmax {
    private Softmax() {}

    /** Softmax over the last dimension. */
    public static Tensor softmax(Graph g, Tensor x) {
        return masked(g, x, null);
    }

    /**
     * Softmax over the last dimension S where row r only sees its first {@code lengths[r]}
     * positions: later positions get weight 0, as {@code masked_fill(-inf)} then softmax does.
     * Rows are all leading dimensions flattened; lengths has one entry per row, each ≥ 1.
     */
    public static Tensor masked(Graph g, Tensor x, int[] lengths) {
        Checks.minRank("softmax", x, 1);
        int cols = x.dim(-1);
        int rows = x.size() / Math.max(1, cols);
        if (lengths != null && lengths.length != rows) {
            throw new IllegalArgumentException("masked softmax: " + lengths.length + " lengths for " + rows + " rows of "
                    + java.util.Arrays.toString(x.shape()));
        }
        boolean grad = g.needsGrad(x);
        Tensor y = g.output(grad, x.shape());
        float[] xd = x.data(), yd = y.data();
        for (int r = 0; r < rows; r++) {
            int len = lengths == null ? cols : lengths[r];
            if (len < 1 || len > cols) {
                throw new IllegalArgumentException("masked softmax: length " + len + " for a row of " + cols);
            }
            SoftmaxKernels.softmax(xd, x.offset() + r * cols, yd, y.offset() + r * cols, len, cols);
        }
        if (grad) {
            int[] lens = lengths == null ? null : lengths.clone();
            g.record(() -> { // dx = y ⊙ (dy − Σ dy·y); masked positions have y = 0 and get nothing
                float[] dy = y.grad().data(), dx = x.grad().data();
                for (int r = 0; r < rows; r++) {
                    int len = lens == null ? cols : lens[r];
                    SoftmaxKernels.softmaxBackward(yd, y.offset() + r * cols, dy, y.grad().offset() + r * cols,
                            dx, x.grad().offset() + r * cols, len);
                }
            });
        }
        return y;
    }

    /** Log-softmax over the last dimension. */
    public static Tensor logSoftmax(Graph g, Tensor x) {
        Checks.minRank("logSoftmax", x, 1);
        int cols = x.dim(-1);
        int rows = x.size() / Math.max(1, cols);
        boolean grad = g.needsGrad(x);
        Tensor y = g.output(grad, x.shape());
        float[] xd = x.data(), yd = y.data();
        for (int r = 0; r < rows; r++) {
            SoftmaxKernels.logSoftmax(xd, x.offset() + r * cols, yd, y.offset() + r * cols, cols);
        }
        if (grad) {
            g.record(() -> { // dx = dy − softmax · Σ dy, softmax = e^y
                float[] dy = y.grad().data(), dx = x.grad().data();
                for (int r = 0; r < rows; r++) {
                    int yo = y.offset() + r * cols, dyo = y.grad().offset() + r * cols, dxo = x.grad().offset() + r * cols;
                    float sum = SoftmaxKernels.sum(dy, dyo, cols);
                    SoftmaxKernels.addScaledExp(yd, yo, 0f, -sum, 0f, dx, dxo, cols);
                    for (int c = 0; c < cols; c++) {
                        dx[dxo + c] += dy[dyo + c];
                    }
                }
            });
        }
        return y;
    }
}
