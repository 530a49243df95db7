package io.github.seq2seq4j.train;

import io.github.seq2seq4j.tensor.Tensor;
import java.util.Map;

/**
 * Stochastic gradient descent with optional momentum and weight decay, as {@code torch.optim.SGD}
 * (dampening 0, not Nesterov): {@code g += wd·p; buf = μ·buf + g (buf = g at the first step); p −= lr·buf}.
 */
public final class Sgd extends Optimizer {
    private final float momentum;
    private final float weightDecay;
    private final Map<String, float[]> buf;

    public Sgd(Map<String, Tensor> params, float lr, float momentum, float weightDecay) {
        super(params, lr);
        this.momentum = momentum;
        this.weightDecay = weightDecay;
        this.buf = momentum != 0f ? buffers() : null;
    }

    @Override
    protected void update(String name, float[] p, int pOff, float[] g, int gOff, int n) {
        float[] b = buf == null ? null : buf.get(name);
        for (int i = 0; i < n; i++) {
            float d = g[gOff + i];
            if (weightDecay != 0f) {
                d += weightDecay * p[pOff + i];
            }
            if (b != null) {
                d = steps == 1 ? d : momentum * b[i] + d;
                b[i] = d;
            }
            p[pOff + i] -= lr * d;
        }
    }

    @Override
    public Map<String, Tensor> state() {
        Map<String, Tensor> s = super.state();
        if (buf != null) {
            export(s, "momentum", buf);
        }
        return s;
    }

    @Override
    public void loadState(Map<String, Tensor> s) {
        super.loadState(s);
        if (buf != null) {
            restore(s, "momentum", buf);
        }
    }
}
