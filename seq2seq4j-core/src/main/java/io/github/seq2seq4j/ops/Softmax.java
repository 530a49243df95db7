package io.github.seq2seq4j.ops;

import io.github.seq2seq4j.autograd.Graph;
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
            softmaxRow(xd, x.offset() + r * cols, yd, y.offset() + r * cols, len, cols);
        }
        if (grad) {
            g.record(() -> { // dx = y ⊙ (dy − Σ dy·y); masked positions have y = 0 and get nothing
                float[] dy = y.grad().data(), dx = x.grad().data();
                for (int r = 0; r < rows; r++) {
                    int yo = y.offset() + r * cols, dyo = y.grad().offset() + r * cols, dxo = x.grad().offset() + r * cols;
                    double dot = 0;
                    for (int c = 0; c < cols; c++) {
                        dot += dy[dyo + c] * yd[yo + c];
                    }
                    for (int c = 0; c < cols; c++) {
                        dx[dxo + c] += (float) (yd[yo + c] * (dy[dyo + c] - dot));
                    }
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
            logSoftmaxRow(xd, x.offset() + r * cols, yd, y.offset() + r * cols, cols);
        }
        if (grad) {
            g.record(() -> { // dx = dy − softmax · Σ dy
                float[] dy = y.grad().data(), dx = x.grad().data();
                for (int r = 0; r < rows; r++) {
                    int yo = y.offset() + r * cols, dyo = y.grad().offset() + r * cols, dxo = x.grad().offset() + r * cols;
                    double sum = 0;
                    for (int c = 0; c < cols; c++) {
                        sum += dy[dyo + c];
                    }
                    for (int c = 0; c < cols; c++) {
                        dx[dxo + c] += (float) (dy[dyo + c] - Math.exp(yd[yo + c]) * sum);
                    }
                }
            });
        }
        return y;
    }

    /** y[0..cols) = softmax of x[0..len), zeros after. */
    static void softmaxRow(float[] x, int xo, float[] y, int yo, int len, int cols) {
        float max = Float.NEGATIVE_INFINITY;
        for (int c = 0; c < len; c++) {
            max = Math.max(max, x[xo + c]);
        }
        double sum = 0;
        for (int c = 0; c < len; c++) {
            double e = Math.exp(x[xo + c] - max);
            y[yo + c] = (float) e;
            sum += e;
        }
        float inv = (float) (1.0 / sum);
        for (int c = 0; c < len; c++) {
            y[yo + c] *= inv;
        }
        for (int c = len; c < cols; c++) {
            y[yo + c] = 0f;
        }
    }

    /** y = x − logsumexp(x) over one row. */
    static void logSoftmaxRow(float[] x, int xo, float[] y, int yo, int cols) {
        float max = Float.NEGATIVE_INFINITY;
        for (int c = 0; c < cols; c++) {
            max = Math.max(max, x[xo + c]);
        }
        double sum = 0;
        for (int c = 0; c < cols; c++) {
            sum += Math.exp(x[xo + c] - max);
        }
        float lse = (float) (max + Math.log(sum));
        for (int c = 0; c < cols; c++) {
            y[yo + c] = x[xo + c] - lse;
        }
    }
}
