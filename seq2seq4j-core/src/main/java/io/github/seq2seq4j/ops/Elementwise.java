package io.github.seq2seq4j.ops;

import io.github.seq2seq4j.autograd.Graph;
import io.github.seq2seq4j.tensor.Tensor;
import java.util.Arrays;

/**
 * Element-wise sums and products. The second operand may broadcast: its shape must equal the
 * trailing dimensions of the first (a bias [H] added to [B,T,H]); its gradient sums over the rest.
 */
public final class Elementwise {
    private Elementwise() {}

    /** {@code a + b}, b equal in shape to a or to a's trailing dimensions. */
    public static Tensor add(Graph g, Tensor a, Tensor b) {
        int inner = broadcastInner("add", a, b);
        boolean grad = g.needsGrad(a, b);
        Tensor out = g.output(grad, a.shape());
        float[] ad = a.data(), bd = b.data(), od = out.data();
        int ao = a.offset(), bo = b.offset(), oo = out.offset(), n = a.size();
        for (int i = 0; i < n; i++) {
            od[oo + i] = ad[ao + i] + bd[bo + i % inner];
        }
        if (grad) {
            g.record(() -> {
                float[] dout = out.grad().data();
                int dOff = out.grad().offset();
                if (a.grad() != null) {
                    addInto(dout, dOff, a.grad().data(), a.grad().offset(), n);
                }
                if (b.grad() != null) {
                    Reductions.sumRowsInto(dout, dOff, n / inner, inner, b.grad().data(), b.grad().offset());
                }
            });
        }
        return out;
    }

    /** {@code a - b}, b equal in shape to a or to a's trailing dimensions. */
    public static Tensor sub(Graph g, Tensor a, Tensor b) {
        return add(g, a, scale(g, b, -1f));
    }

    /** {@code a ⊙ b}, b equal in shape to a or to a's trailing dimensions. */
    public static Tensor mul(Graph g, Tensor a, Tensor b) {
        int inner = broadcastInner("mul", a, b);
        boolean grad = g.needsGrad(a, b);
        Tensor out = g.output(grad, a.shape());
        float[] ad = a.data(), bd = b.data(), od = out.data();
        int ao = a.offset(), bo = b.offset(), oo = out.offset(), n = a.size();
        for (int i = 0; i < n; i++) {
            od[oo + i] = ad[ao + i] * bd[bo + i % inner];
        }
        if (grad) {
            g.record(() -> {
                float[] dout = out.grad().data();
                int dOff = out.grad().offset();
                if (a.grad() != null) {
                    float[] ga = a.grad().data();
                    int go = a.grad().offset();
                    for (int i = 0; i < n; i++) {
                        ga[go + i] += dout[dOff + i] * bd[bo + i % inner];
                    }
                }
                if (b.grad() != null) {
                    float[] gb = b.grad().data();
                    int go = b.grad().offset();
                    for (int i = 0; i < n; i++) {
                        gb[go + i % inner] += dout[dOff + i] * ad[ao + i];
                    }
                }
            });
        }
        return out;
    }

    /** {@code s · a} for a constant s. */
    public static Tensor scale(Graph g, Tensor a, float s) {
        boolean grad = g.needsGrad(a);
        Tensor out = g.output(grad, a.shape());
        float[] ad = a.data(), od = out.data();
        int ao = a.offset(), oo = out.offset(), n = a.size();
        for (int i = 0; i < n; i++) {
            od[oo + i] = s * ad[ao + i];
        }
        if (grad) {
            g.record(() -> {
                float[] dout = out.grad().data(), ga = a.grad().data();
                int dOff = out.grad().offset(), go = a.grad().offset();
                for (int i = 0; i < n; i++) {
                    ga[go + i] += s * dout[dOff + i];
                }
            });
        }
        return out;
    }

    /** dst[dOff..] += src[sOff..] for n elements. */
    static void addInto(float[] src, int sOff, float[] dst, int dOff, int n) {
        for (int i = 0; i < n; i++) {
            dst[dOff + i] += src[sOff + i];
        }
    }

    /** Size of the block b repeats over: b.size() if b's shape is a suffix of a's. */
    private static int broadcastInner(String op, Tensor a, Tensor b) {
        int[] as = a.shape(), bs = b.shape();
        if (bs.length > as.length
                || !Arrays.equals(bs, Arrays.copyOfRange(as, as.length - bs.length, as.length))) {
            throw Checks.shapeError(op, "second operand must equal the first's shape or its trailing dimensions", a, b);
        }
        return Math.max(1, b.size());
    }
}
