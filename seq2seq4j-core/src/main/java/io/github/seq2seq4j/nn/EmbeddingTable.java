package io.github.seq2seq4j.nn;

import io.github.seq2seq4j.autograd.Graph;
import io.github.seq2seq4j.ops.Embedding;
import io.github.seq2seq4j.tensor.Rng;
import io.github.seq2seq4j.tensor.Tensor;

/** PyTorch's {@code nn.Embedding} with {@code padding_idx}: parameter {@code weight} [V, E]. */
public final class EmbeddingTable extends Module {
    private final Tensor weight;
    private final int paddingIdx;

    public EmbeddingTable(int vocab, int dim, int paddingIdx) {
        this.weight = param("weight", vocab, dim);
        this.paddingIdx = paddingIdx;
    }

    /** ids laid out as idShape → [idShape..., E]. */
    public Tensor forward(Graph g, int[] ids, int... idShape) {
        return Embedding.lookup(g, weight, ids, paddingIdx, idShape);
    }

    public Tensor weight() {
        return weight;
    }

    public int vocab() {
        return weight.dim(0);
    }

    public int dim() {
        return weight.dim(1);
    }

    /** PyTorch's default: N(0, 1), with the padding row zero. */
    public void initDefault(Rng rng) {
        rng.normal(weight, 0f, 1f);
        if (paddingIdx >= 0) {
            java.util.Arrays.fill(weight.data(), weight.offset() + paddingIdx * dim(), weight.offset() + (paddingIdx + 1) * dim(), 0f);
        }
    }
}
