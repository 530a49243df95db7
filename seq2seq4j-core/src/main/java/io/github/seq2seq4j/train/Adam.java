package io.github.seq2seq4j.train;

import io.github.seq2seq4j.tensor.Tensor;
import java.util.Map;

/**
 * Adam (Kingma &amp; Ba 2015) as {@code torch.optim.Adam}, and AdamW (Loshchilov &amp; Hutter 2019) as
 * {@code torch.optim.AdamW} when {@code decoupled}:
 *
 * <pre>
 *   Adam:  g += wd·p                      AdamW: p *= 1 − lr·wd
 *   m = β1·m + (1−β1)·g     v = β2·v + (1−β2)·g²
 *   p −= (lr / (1−β1ᵗ)) · m / (√v / √(1−β2ᵗ) + ε)
 * </pre>
 */
public final class Adam extends Optimizer {
    private final float beta1;
    private final float beta2;
    private final float eps;
    private final float weightDecay;
    private final boolean decoupled;
    private final Map<String, float[]> m;
    private final Map<String, float[]> v;

    public Adam(Map<String, Tensor> params, float lr, float beta1, float beta2, float eps, float weightDecay, boolean decoupled) {
        super(params, lr);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.decoupled = decoupled;
        this.m = buffers();
        this.v = buffers();
    }

    /** Adam with PyTorch's defaults (β = 0.9, 0.999; ε = 1e-8; no weight decay). */
    public static Adam adam(Map<String, Tensor> params, float lr) {
        return new Adam(params, lr, 0.9f, 0.999f, 1e-8f, 0f, false);
    }

    /** AdamW with PyTorch's defaults (weight decay 0.01). */
    public static Adam adamW(Map<String, Tensor> params, float lr, float weightDecay) {
        return new Adam(params, lr, 0.9f, 0.999f, 1e-8f, weightDecay, true);
    }

    @Override
    protected void update(String name, float[] p, int pOff, float[] g, int gOff, int n) {
        float[] mm = m.get(name);
        float[] vv = v.get(name);
        // Bias corrections as PyTorch computes them: in double (Python floats), then used as float.
        double bc1 = 1.0 - Math.pow(beta1, steps);
        double bc2 = 1.0 - Math.pow(beta2, steps);
        float stepSize = (float) (lr / bc1);
        float bc2Sqrt = (float) Math.sqrt(bc2);
        float decay = decoupled ? 1f - lr * weightDecay : 1f;
        for (int i = 0; i < n; i++) {
            float pi = p[pOff + i];
            float gi = g[gOff + i];
            if (decoupled) {
                pi *= decay;
            } else if (weightDecay != 0f) {
                gi += weightDecay * pi;
            }
            mm[i] = beta1 * mm[i] + (1f - beta1) * gi;
            vv[i] = beta2 * vv[i] + (1f - beta2) * gi * gi;
            float denom = (float) Math.sqrt(vv[i]) / bc2Sqrt + eps;
            p[pOff + i] = pi - stepSize * (mm[i] / denom);
        }
    }

    @Override
    public Map<String, Tensor> state() {
        Map<String, Tensor> s = super.state();
        export(s, "exp_avg", m);
        export(s, "exp_avg_sq", v);
        return s;
    }

    @Override
    public void loadState(Map<String, Tensor> s) {
        super.loadState(s);
        restore(s, "exp_avg", m);
        restore(s, "exp_avg_sq", v);
    }
}
