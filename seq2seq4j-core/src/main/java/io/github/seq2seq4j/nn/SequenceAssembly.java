package io.github.seq2seq4j.nn;

import io.github.seq2seq4j.autograd.Graph;
import io.github.seq2seq4j.tensor.Tensor;

/**
 * Builds a layer's padded output [B,T,D·H] from per-step states of each direction, with zeros past
 * each sequence's length (as {@code pad_packed_sequence} does). One tape node.
 */
final class SequenceAssembly {
    private SequenceAssembly() {}

    /** {@code steps[d][t]} is direction d's h at time t, [B,H]. */
    static Tensor assemble(Graph g, Tensor[][] steps, int[] lengths) {
        int dirs = steps.length;
        int time = steps[0].length;
        int rows = steps[0][0].dim(0);
        int hidden = steps[0][0].dim(1);
        int width = dirs * hidden;
        boolean grad = false;
        for (Tensor[] dir : steps) {
            grad |= g.needsGrad(dir);
        }
        Tensor out = g.zeros(grad, rows, time, width);
        float[] od = out.data();
        for (int d = 0; d < dirs; d++) {
            for (int t = 0; t < time; t++) {
                Tensor s = steps[d][t];
                for (int b = 0; b < rows; b++) {
                    if (lengths == null || t < lengths[b]) {
                        System.arraycopy(s.data(), s.offset() + b * hidden, od, out.offset() + (b * time + t) * width + d * hidden, hidden);
                    }
                }
            }
        }
        if (grad) {
            g.record(() -> {
                float[] dOut = out.grad().data();
                for (int d = 0; d < dirs; d++) {
                    for (int t = 0; t < time; t++) {
                        Tensor gs = steps[d][t].grad();
                        if (gs == null) {
                            continue;
                        }
                        for (int b = 0; b < rows; b++) {
                            if (lengths == null || t < lengths[b]) {
                                int src = out.grad().offset() + (b * time + t) * width + d * hidden;
                                int dst = gs.offset() + b * hidden;
                                for (int j = 0; j < hidden; j++) {
                                    gs.data()[dst + j] += dOut[src + j];
                                }
                            }
                        }
                    }
                }
            });
        }
        return out;
    }
}
