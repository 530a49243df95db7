package io.github.seq2seq4j.ops;

import io.github.seq2seq4j.autograd.Graph;
import io.github.seq2seq4j.kernels.RnnKernels;
import io.github.seq2seq4j.tensor.Tensor;

/** Element-wise non-linearities; backward is written from the output where possible. */
public final class Activations {
    private Activations() {}

    public static Tensor tanh(Graph g, Tensor x) {
        boolean grad = g.needsGrad(x);
        Tensor y = g.output(grad, x.shape());
        float[] xd = x.data(), yd = y.data();
        int xo = x.offset(), yo = y.offset(), n = x.size();
        RnnKernels.tanh(n, xd, xo, yd, yo); // FloatMath's tanh, in lanes when the Vector API is present
        if (grad) {
            g.record(() -> { // dy/dx = 1 - y²
                float[] dy = y.grad().data(), dx = x.grad().data();
                int dyo = y.grad().offset(), dxo = x.grad().offset();
                for (int i = 0; i < n; i++) {
                    float v = yd[yo + i];
                    dx[dxo + i] += dy[dyo + i] * (1f - v * v);
                }
            });
        }
        return y;
    }

    public static Tensor sigmoid(Graph g, Tensor x) {
        boolean grad = g.needsGrad(x);
        Tensor y = g.output(grad, x.shape());
        float[] xd = x.data(), yd = y.data();
        int xo = x.offset(), yo = y.offset(), n = x.size();
        for (int i = 0; i < n; i++) {
            yd[yo + i] = sigmoid(xd[xo + i]);
        }
        if (grad) {
            g.record(() -> { // dy/dx = y (1 - y)
                float[] dy = y.grad().data(), dx = x.grad().data();
                int dyo = y.grad().offset(), dxo = x.grad().offset();
                for (int i = 0; i < n; i++) {
                    float v = yd[yo + i];
                    dx[dxo + i] += dy[dyo + i] * v * (1f - v);
                }
            });
        }
        return y;
    }

    public static Tensor relu(Graph g, Tensor x) {
        boolean grad = g.needsGrad(x);
        Tensor y = g.output(grad, x.shape());
        float[] xd = x.data(), yd = y.data();
        int xo = x.offset(), yo = y.offset(), n = x.size();
        for (int i = 0; i < n; i++) {
            yd[yo + i] = Math.max(0f, xd[xo + i]);
        }
        if (grad) {
            g.record(() -> {
                float[] dy = y.grad().data(), dx = x.grad().data();
                int dyo = y.grad().offset(), dxo = x.grad().offset();
                for (int i = 0; i < n; i++) {
                    if (yd[yo + i] > 0f) {
                        dx[dxo + i] += dy[dyo + i];
                    }
                }
            });
        }
        return y;
    }

    /** The logistic function, computed without overflow for large |x|. */
    public static float sigmoid(float x) {
        if (x >= 0) {
            return (float) (1.0 / (1.0 + Math.exp(-x)));
        }
        double e = Math.exp(x);
        return (float) (e / (1.0 + e));
    }
}
