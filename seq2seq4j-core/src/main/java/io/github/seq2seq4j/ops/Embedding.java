package io.github.seq2seq4j.ops;

import io.github.seq2seq4j.autograd.Graph;
import io.github.seq2seq4j.tensor.Tensor;

/** Row lookup in an embedding table, as PyTorch's {@code nn.Embedding} with {@code padding_idx}. */
public final class Embedding {
    private Embedding() {}

    /**
     * Rows of {@code weight} [V,E] for {@code ids} laid out as {@code idShape}: the result is
     * [idShape..., E]. The gradient flows only into rows that were used, never into
     * {@code paddingIdx} (pass -1 for none).
     */
    public static Tensor lookup(Graph g, Tensor weight, int[] ids, int paddingIdx, int... idShape) {
        Checks.rank("embedding", weight, 2);
        int vocab = weight.dim(0);
        int emb = weight.dim(1);
        int n = ids.length;
        int expected = 1;
        for (int d : idShape) {
            expected *= d;
        }
        if (expected != n) {
            throw new IllegalArgumentException("embedding: " + n + " ids for id shape " + java.util.Arrays.toString(idShape));
        }
        int[] outShape = java.util.Arrays.copyOf(idShape, idShape.length + 1);
        outShape[idShape.length] = emb;
        boolean grad = g.needsGrad(weight);
        Tensor out = g.output(grad, outShape);
        for (int i = 0; i < n; i++) {
            int id = ids[i];
            if (id < 0 || id >= vocab) {
                throw new IllegalArgumentException("embedding: id " + id + " out of range for vocabulary of " + vocab);
            }
            System.arraycopy(weight.data(), weight.offset() + id * emb, out.data(), out.offset() + i * emb, emb);
        }
        if (grad) {
            int[] idsCopy = ids.clone(); // callers may reuse their id buffers before backward runs
            g.record(() -> {
                float[] dw = weight.grad().data();
                int wo = weight.grad().offset();
                float[] dOut = out.grad().data();
                int oo = out.grad().offset();
                for (int i = 0; i < n; i++) {
                    int id = idsCopy[i];
                    if (id != paddingIdx) {
                        Elementwise.addInto(dOut, oo + i * emb, dw, wo + id * emb, emb);
                    }
                }
            });
        }
        return out;
    }
}
