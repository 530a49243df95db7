package io.github.seq2seq4j.nn;

import io.github.seq2seq4j.autograd.Graph;
import io.github.seq2seq4j.ops.MatMul;
import io.github.seq2seq4j.tensor.Rng;
import io.github.seq2seq4j.tensor.Tensor;

/** PyTorch's {@code nn.Linear}: parameters {@code weight} [out, in] and optional {@code bias} [out]. */
public final class Linear extends Module {
    private final Tensor weight;
    private final Tensor bias;

    public Linear(int in, int out, boolean bias) {
        this.weight = param("weight", out, in);
        this.bias = bias ? param("bias", out) : null;
    }

    /** A linear map whose weight is an existing tensor (weight tying); the bias is its own. */
    public Linear(Tensor tiedWeight, boolean bias) {
        this.weight = register("weight", tiedWeight);
        this.bias = bias ? param("bias", tiedWeight.dim(0)) : null;
    }

    /** x [..., in] → [..., out]. */
    public Tensor forward(Graph g, Tensor x) {
        return MatMul.linear(g, x, weight, bias);
    }

    public Tensor weight() {
        return weight;
    }

    public Tensor bias() {
        return bias;
    }

    public int inFeatures() {
        return weight.dim(1);
    }

    public int outFeatures() {
        return weight.dim(0);
    }

    /** PyTorch's default: U(−1/√in, 1/√in) for weight and bias. */
    public void initDefault(Rng rng) {
        float bound = (float) (1.0 / Math.sqrt(inFeatures()));
        rng.uniform(weight, -bound, bound);
        if (bias != null) {
            rng.uniform(bias, -bound, bound);
        }
    }
}
