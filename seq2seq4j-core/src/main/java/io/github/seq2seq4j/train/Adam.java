package io.github.seq2seq4j.train;

import io.github.seq2seq4j.kernels.AdamStep;
import io.github.seq2seq4j.kernels.Blas1;
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
        // Bias corrections as PyTorch computes them: in double (Python floats), then used as float.
        double bc1 = 1.0 - Math.pow(beta1, steps);
        double bc2 = 1.0 - Math.pow(beta2, steps);
        AdamStep s = new AdamStep(beta1, beta2, eps, weightDecay, decoupled, decoupled ? 1f - lr * weightDecay : 1f,
                (float) (lr / bc1), (float) Math.sqrt(bc2));
        Blas1.adam(s, p, pOff, g, gOff, m.get(name), v.get(name), n);
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
