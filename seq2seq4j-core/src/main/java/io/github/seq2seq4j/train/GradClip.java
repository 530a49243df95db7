package io.github.seq2seq4j.train;

import io.github.seq2seq4j.tensor.Tensor;
import java.util.Collection;

/** Gradient clipping as {@code torch.nn.utils.clip_grad_norm_} and {@code clip_grad_value_}. */
public final class GradClip {
    private GradClip() {}

    /**
     * Scales every gradient by {@code min(1, maxNorm / (total + 1e-6))}, total being the global
     * L2 norm over all gradients. Returns the norm before clipping (NaN/∞ if a gradient is).
     */
    public static double clipNorm(Collection<Tensor> params, double maxNorm) {
        double total = globalNorm(params);
        double coef = maxNorm / (total + 1e-6);
        if (coef < 1.0) {
            float c = (float) coef;
            for (Tensor p : params) {
                Tensor g = p.grad();
                float[] d = g.data();
                for (int i = 0, o = g.offset(); i < g.size(); i++) {
                    d[o + i] *= c;
                }
            }
        }
        return total;
    }

    /** The global L2 norm of all gradients (accumulated in double). */
    public static double globalNorm(Collection<Tensor> params) {
        double sq = 0;
        for (Tensor p : params) {
            Tensor g = p.grad();
            float[] d = g.data();
            for (int i = 0, o = g.offset(); i < g.size(); i++) {
                sq += (double) d[o + i] * d[o + i];
            }
        }
        return Math.sqrt(sq);
    }

    /** Clamps every gradient element into [−clip, clip]. */
    public static void clipValue(Collection<Tensor> params, float clip) {
        for (Tensor p : params) {
            Tensor g = p.grad();
            float[] d = g.data();
            for (int i = 0, o = g.offset(); i < g.size(); i++) {
                d[o + i] = Math.max(-clip, Math.min(clip, d[o + i]));
            }
        }
    }
}
