package io.github.seq2seq4j.ops;

import io.github.seq2seq4j.autograd.Graph;
import io.github.seq2seq4j.tensor.Shape;
import io.github.seq2seq4j.tensor.Tensor;

/** Concatenation, stacking, slicing, reshaping and transposition. */
public final class ShapeOps {
    private ShapeOps() {}

    /** Concatenates tensors along {@code dim}; all other dimensions must agree. */
    public static Tensor concat(Graph g, int dim, Tensor... parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException("concat: no tensors");
        }
        Tensor first = parts[0];
        int d = Checks.dim("concat", first, dim);
        int[] outShape = first.shape();
        int total = 0;
        for (Tensor p : parts) {
            if (p.rank() != first.rank()) {
                throw Checks.shapeError("concat", "ranks differ", first, p);
            }
            for (int i = 0; i < p.rank(); i++) {
                if (i != d && p.dim(i) != first.dim(i)) {
                    throw Checks.shapeError("concat(dim=" + d + ")", "dimension " + i + " differs", first, p);
                }
            }
            total += p.dim(d);
        }
        outShape[d] = total;
        int outer = Shape.prod(outShape, 0, d);
        int inner = Shape.prod(outShape, d + 1, outShape.length);
        boolean grad = g.needsGrad(parts);
        Tensor out = g.output(grad, outShape);
        int outRow = total * inner;
        int start = 0;
        for (Tensor p : parts) {
            int w = p.dim(d) * inner;
            for (int o = 0; o < outer; o++) {
                System.arraycopy(p.data(), p.offset() + o * w, out.data(), out.offset() + o * outRow + start, w);
            }
            start += w;
        }
        if (grad) {
            g.record(() -> {
                int s = 0;
                for (Tensor p : parts) {
                    int w = p.dim(d) * inner;
                    if (p.grad() != null) {
                        for (int o = 0; o < outer; o++) {
                            Elementwise.addInto(out.grad().data(), out.grad().offset() + o * outRow + s,
                                    p.grad().data(), p.grad().offset() + o * w, w);
                        }
                    }
                    s += w;
                }
            });
        }
        return out;
    }

    /** Stacks equally shaped tensors along a new dimension {@code dim}. */
    public static Tensor stack(Graph g, int dim, Tensor... parts) {
        Tensor[] expanded = new Tensor[parts.length];
        for (int i = 0; i < parts.length; i++) {
            int[] s = parts[i].shape();
            int d = dim < 0 ? s.length + 1 + dim : dim;
            int[] e = new int[s.length + 1];
            System.arraycopy(s, 0, e, 0, d);
            e[d] = 1;
            System.arraycopy(s, d, e, d + 1, s.length - d);
            expanded[i] = parts[i].reshape(e);
        }
        return concat(g, dim < 0 ? parts[0].rank() + 1 + dim : dim, expanded);
    }

    /** Elements {@code [start, end)} along {@code dim}. */
    public static Tensor slice(Graph g, Tensor x, int dim, int start, int end) {
        int d = Checks.dim("slice", x, dim);
        if (start < 0 || end > x.dim(d) || start > end) {
            throw new IllegalArgumentException("slice: range [" + start + ", " + end + ") out of bounds for dimension "
                    + d + " of shape " + Shape.str(x.shape()));
        }
        int[] outShape = x.shape();
        outShape[d] = end - start;
        int outer = Shape.prod(outShape, 0, d);
        int inner = Shape.prod(outShape, d + 1, outShape.length);
        int inRow = x.dim(d) * inner;
        int w = (end - start) * inner;
        boolean grad = g.needsGrad(x);
        Tensor out = g.output(grad, outShape);
        for (int o = 0; o < outer; o++) {
            System.arraycopy(x.data(), x.offset() + o * inRow + start * inner, out.data(), out.offset() + o * w, w);
        }
        if (grad) {
            g.record(() -> {
                for (int o = 0; o < outer; o++) {
                    Elementwise.addInto(out.grad().data(), out.grad().offset() + o * w,
                            x.grad().data(), x.grad().offset() + o * inRow + start * inner, w);
                }
            });
        }
        return out;
    }

    /** The same elements seen with another shape; shares storage and gradient, records nothing. */
    public static Tensor reshape(Tensor x, int... shape) {
        return x.reshape(shape);
    }

    /** Swaps dimensions {@code d0} and {@code d1} (copies). */
    public static Tensor transpose(Graph g, Tensor x, int d0, int d1) {
        int a = Checks.dim("transpose", x, d0);
        int b = Checks.dim("transpose", x, d1);
        int[] in = x.shape();
        int[] outShape = in.clone();
        outShape[a] = in[b];
        outShape[b] = in[a];
        int rank = in.length;
        int[] inStride = strides(in);
        int[] perm = new int[rank]; // output dim i reads input dim perm[i]
        for (int i = 0; i < rank; i++) {
            perm[i] = i == a ? b : i == b ? a : i;
        }
        int n = x.size();
        int[] src = new int[n]; // flat input index of each output element
        int[] idx = new int[rank];
        for (int o = 0; o < n; o++) {
            int s = 0;
            for (int i = 0; i < rank; i++) {
                s += idx[i] * inStride[perm[i]];
            }
            src[o] = s;
            for (int i = rank - 1; i >= 0; i--) { // odometer increment over the output shape
                if (++idx[i] < outShape[i]) {
                    break;
                }
                idx[i] = 0;
            }
        }
        boolean grad = g.needsGrad(x);
        Tensor out = g.output(grad, outShape);
        for (int o = 0; o < n; o++) {
            out.data()[out.offset() + o] = x.data()[x.offset() + src[o]];
        }
        if (grad) {
            g.record(() -> {
                float[] dOut = out.grad().data(), dx = x.grad().data();
                int oo = out.grad().offset(), xo = x.grad().offset();
                for (int o = 0; o < n; o++) {
                    dx[xo + src[o]] += dOut[oo + o];
                }
            });
        }
        return out;
    }

    /** Rows {@code index[i]} of x along dimension 0: [N, ...] → [index.length, ...]; gradients scatter-add back. */
    public static Tensor gatherRows(Graph g, Tensor x, int[] index) {
        Checks.minRank("gatherRows", x, 1);
        int n = x.dim(0);
        int row = x.size() / Math.max(1, n);
        int[] outShape = x.shape();
        outShape[0] = index.length;
        boolean grad = g.needsGrad(x);
        Tensor out = g.output(grad, outShape);
        for (int i = 0; i < index.length; i++) {
            if (index[i] < 0 || index[i] >= n) {
                throw new IllegalArgumentException("gatherRows: row " + index[i] + " out of range for " + Shape.str(x.shape()));
            }
            System.arraycopy(x.data(), x.offset() + index[i] * row, out.data(), out.offset() + i * row, row);
        }
        if (grad) {
            int[] idx = index.clone();
            g.record(() -> {
                for (int i = 0; i < idx.length; i++) {
                    Elementwise.addInto(out.grad().data(), out.grad().offset() + i * row,
                            x.grad().data(), x.grad().offset() + idx[i] * row, row);
                }
            });
        }
        return out;
    }

    private static int[] strides(int[] shape) {
        int[] s = new int[shape.length];
        int acc = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            s[i] = acc;
            acc *= shape[i];
        }
        return s;
    }
}
