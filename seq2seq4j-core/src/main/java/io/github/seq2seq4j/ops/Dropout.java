package io.github.seq2seq4j.ops;

import io.github.seq2seq4j.autograd.Graph;
import io.github.seq2seq4j.tensor.Rng;
import io.github.seq2seq4j.tensor.Tensor;

/** Inverted dropout (Srivastava et al. 2014): zero with probability p, scale survivors by 1/(1−p). */
public final class Dropout {
    private Dropout() {}

    /** Identity unless the graph is training and p > 0; the mask is drawn from {@code rng}. */
    public static Tensor apply(Graph g, Tensor x, float p, Rng rng) {
        if (p < 0f || p >= 1f) {
            throw new IllegalArgumentException("dropout probability must be in [0, 1): " + p);
        }
        if (!g.isTraining() || p == 0f) {
            return x;
        }
        int n = x.size();
        Tensor mask = g.scratch(n); // 0 or 1/(1−p)
        float keep = 1f / (1f - p);
        float[] md = mask.data();
        int mo = mask.offset();
        for (int i = 0; i < n; i++) {
            md[mo + i] = rng.nextFloat() < p ? 0f : keep;
        }
        boolean grad = g.needsGrad(x);
        Tensor y = g.output(grad, x.shape());
        float[] xd = x.data(), yd = y.data();
        for (int i = 0; i < n; i++) {
            yd[y.offset() + i] = xd[x.offset() + i] * md[mo + i];
        }
        if (grad) {
            g.record(() -> {
                float[] dy = y.grad().data(), dx = x.grad().data();
                int dyo = y.grad().offset(), dxo = x.grad().offset();
                for (int i = 0; i < n; i++) {
                    dx[dxo + i] += dy[dyo + i] * md[mo + i];
                }
            });
        }
        return y;
    }
}
