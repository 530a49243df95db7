package io.github.seq2seq4j.ops;

import io.github.seq2seq4j.autograd.Graph;
import io.github.seq2seq4j.tensor.Tensor;

/** Sums and means to a scalar. */
public final class Reductions {
    private Reductions() {}

    /** The sum of all elements, as a scalar tensor (accumulated in double). */
    public static Tensor sum(Graph g, Tensor x) {
        return scaledSum(g, x, 1.0);
    }

    /** The mean of all elements, as a scalar tensor. */
    public static Tensor mean(Graph g, Tensor x) {
        return scaledSum(g, x, 1.0 / x.size());
    }

    private static Tensor scaledSum(Graph g, Tensor x, double s) {
        boolean grad = g.needsGrad(x);
        Tensor out = g.output(grad);
        float[] xd = x.data();
        int xo = x.offset(), n = x.size();
        double acc = 0;
        for (int i = 0; i < n; i++) {
            acc += xd[xo + i];
        }
        out.data()[out.offset()] = (float) (acc * s);
        if (grad) {
            g.record(() -> {
                float d = (float) (out.grad().item() * s);
                float[] dx = x.grad().data();
                int dxo = x.grad().offset();
                for (int i = 0; i < n; i++) {
                    dx[dxo + i] += d;
                }
            });
        }
        return out;
    }

    /** dst[c] += Σ_r src[r, c] for a row-major [rows, cols] block. */
    static void sumRowsInto(float[] src, int sOff, int rows, int cols, float[] dst, int dOff) {
        for (int r = 0; r < rows; r++) {
            int base = sOff + r * cols;
            for (int c = 0; c < cols; c++) {
                dst[dOff + c] += src[base + c];
            }
        }
    }
}
