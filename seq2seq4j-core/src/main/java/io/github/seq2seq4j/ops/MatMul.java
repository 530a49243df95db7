package io.github.seq2seq4j.ops;

import io.github.seq2seq4j.autograd.Graph;
import io.github.seq2seq4j.kernels.Gemm;
import io.github.seq2seq4j.kernels.PackedMatrix;
import io.github.seq2seq4j.kernels.RowProjection;
import io.github.seq2seq4j.tensor.Tensor;

/** Matrix product with optionally transposed operands, and the fused linear map x·Wᵀ + b. */
public final class MatMul {
    private MatMul() {}

    /**
     * {@code op(a)·op(b)} for 2-D operands: a is [m,k] (or [k,m] with transA), b is [k,n] (or [n,k]
     * with transB). Without transA, a may have more dimensions: its leading ones are flattened into
     * rows and kept in the output ([..., k] → [..., n]).
     */
    public static Tensor matmul(Graph g, Tensor a, Tensor b, boolean transA, boolean transB) {
        Checks.rank("matmul", b, 2);
        if (transA) {
            Checks.rank("matmul", a, 2);
        } else {
            Checks.minRank("matmul", a, 2);
        }
        int m = transA ? a.dim(1) : a.size() / a.dim(-1);
        int k = transA ? a.dim(0) : a.dim(-1);
        int kb = transB ? b.dim(1) : b.dim(0);
        int n = transB ? b.dim(0) : b.dim(1);
        if (k != kb) {
            throw Checks.shapeError("matmul" + (transA ? "(Aᵀ" : "(A") + (transB ? "·Bᵀ)" : "·B)"), "inner dimensions differ", a, b);
        }
        int[] outShape;
        if (transA) {
            outShape = new int[] {m, n};
        } else {
            outShape = a.shape();
            outShape[outShape.length - 1] = n;
        }
        boolean grad = g.needsGrad(a, b);
        Tensor out = g.output(grad, outShape);
        int lda = a.dim(-1);
        int ldb = b.dim(1);
        Gemm.gemm(transA, transB, m, n, k, a.data(), a.offset(), lda, b.data(), b.offset(), ldb,
                out.data(), out.offset(), n, false);
        if (grad) {
            g.record(() -> {
                Tensor dc = out.grad();
                Tensor da = a.grad();
                Tensor db = b.grad();
                if (da != null) {
                    if (!transA) { // dA[m,k] += dC·op(B)ᵀ
                        Gemm.gemm(false, !transB, m, k, n, dc.data(), dc.offset(), n, b.data(), b.offset(), ldb,
                                da.data(), da.offset(), lda, true);
                    } else { // dA[k,m] += op(B)·dCᵀ
                        Gemm.gemm(transB, true, k, m, n, b.data(), b.offset(), ldb, dc.data(), dc.offset(), n,
                                da.data(), da.offset(), lda, true);
                    }
                }
                if (db != null) {
                    if (!transB) { // dB[k,n] += op(A)ᵀ·dC
                        Gemm.gemm(!transA, false, k, n, m, a.data(), a.offset(), lda, dc.data(), dc.offset(), n,
                                db.data(), db.offset(), ldb, true);
                    } else { // dB[n,k] += dCᵀ·op(A)
                        Gemm.gemm(true, transA, n, k, m, dc.data(), dc.offset(), n, a.data(), a.offset(), lda,
                                db.data(), db.offset(), ldb, true);
                    }
                }
            });
        }
        return out;
    }

    /** {@code a·b} for 2-D (or batched-rows) a. */
    public static Tensor matmul(Graph g, Tensor a, Tensor b) {
        return matmul(g, a, b, false, false);
    }

    /**
     * The affine map of PyTorch's {@code nn.Linear}: {@code x·Wᵀ + bias}. x is [..., in], W is
     * [out, in], bias is [out] or null; the result is [..., out].
     */
    public static Tensor linear(Graph g, Tensor x, Tensor w, Tensor bias) {
        Checks.rank("linear", w, 2);
        Checks.minRank("linear", x, 1);
        int in = w.dim(1);
        int outF = w.dim(0);
        if (x.dim(-1) != in) {
            throw Checks.shapeError("linear", "input features differ from weight [out, in]", x, w);
        }
        if (bias != null && (bias.rank() != 1 || bias.dim(0) != outF)) {
            throw Checks.shapeError("linear", "bias must be [out]", bias, w);
        }
        int rows = x.size() / in;
        int[] outShape = x.shape();
        outShape[outShape.length - 1] = outF;
        boolean grad = g.needsGrad(x, w) || g.needsGrad(bias == null ? x : bias);
        Tensor y = g.output(grad, outShape);
        float[] yd = y.data();
        int yo = y.offset();
        if (bias != null) { // start from the bias, then accumulate the product
            float[] bd = bias.data();
            for (int r = 0; r < rows; r++) {
                System.arraycopy(bd, bias.offset(), yd, yo + r * outF, outF);
            }
        }
        PackedMatrix wt = g.packs().transposed(w, 1); // packed from the second product with w on
        if (wt != null) { // same bits as the branches below; one row runs as a GEMV
            Gemm.gemm(false, rows, x.data(), x.offset(), in, wt, yd, yo, outF, bias != null);
        } else if (RowProjection.suits(rows)) { // one row (decoding one sentence): dots beat GEMM tiles
            RowProjection.project(outF, in, x.data(), x.offset(), w.data(), w.offset(), in, yd, yo, bias != null);
        } else {
            Gemm.gemm(false, true, rows, outF, in, x.data(), x.offset(), in, w.data(), w.offset(), in,
                    yd, yo, outF, bias != null);
        }
        if (grad) {
            g.record(() -> {
                Tensor dy = y.grad();
                if (x.grad() != null) { // dx[rows,in] += dy·W
                    PackedMatrix wp = g.packs().plain(w, 1);
                    if (wp != null) {
                        Gemm.gemm(false, rows, dy.data(), dy.offset(), outF, wp, x.grad().data(), x.grad().offset(), in,
                                true);
                    } else {
                        Gemm.gemm(false, false, rows, in, outF, dy.data(), dy.offset(), outF, w.data(), w.offset(), in,
                                x.grad().data(), x.grad().offset(), in, true);
                    }
                }
                if (w.grad() != null) { // dW[out,in] += dyᵀ·x
                    Gemm.gemm(true, false, outF, in, rows, dy.data(), dy.offset(), outF, x.data(), x.offset(), in,
                            w.grad().data(), w.grad().offset(), in, true);
                }
                if (bias != null && bias.grad() != null) {
                    Reductions.sumRowsInto(dy.data(), dy.offset(), rows, outF, bias.grad().data(), bias.grad().offset());
                }
            });
        }
        return y;
    }

}
