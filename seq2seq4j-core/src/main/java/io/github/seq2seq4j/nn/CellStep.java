package io.github.seq2seq4j.nn;

import io.github.seq2seq4j.autograd.Graph;
import io.github.seq2seq4j.kernels.Gemm;
import io.github.seq2seq4j.kernels.PackedMatrix;
import io.github.seq2seq4j.kernels.RowProjection;
import io.github.seq2seq4j.kernels.RnnKernels;
import io.github.seq2seq4j.tensor.Tensor;

/**
 * One time step of a recurrent cell as a single fused tape node: {@code hh = h·W_hhᵀ + b_hh} (one
 * GEMM), the gate arithmetic of {@link RnnKernels}, and a hand-written backward. The input side
 * {@code W_ih·x + b_ih} is precomputed by the caller for the whole sequence (one GEMM before the
 * time loop) and passed as rows of {@code xProj}.
 */
public final class CellStep {
    private CellStep() {}

    /**
     * @param xProj   tensor holding the input projections; row b of this step starts at element
     *                {@code xOff + b·xStride} (relative to the tensor's start) and has G·H values
     * @param prev    state before the step, h [B,H] (and c [B,H] for LSTM)
     * @param wHh     [G·H, H]
     * @param bHh     [G·H]
     * @param lengths per-row sequence lengths, or null if every row is active
     * @param t       the time index (a row is active when t &lt; its length)
     */
    public static CellState apply(Graph g, CellType type, Tensor xProj, int xOff, int xStride, CellState prev,
                                  Tensor wHh, Tensor bHh, int[] lengths, int t) {
        Tensor hPrev = prev.h();
        Tensor cPrev = prev.c();
        int rows = hPrev.dim(0);
        int hidden = hPrev.dim(1);
        int gh = type.gates() * hidden;
        if (wHh.dim(0) != gh || wHh.dim(1) != hidden) {
            throw new IllegalArgumentException(type.configName() + " step: W_hh has shape " + java.util.Arrays.toString(wHh.shape())
                    + ", expected [" + gh + ", " + hidden + "] for h of shape " + java.util.Arrays.toString(hPrev.shape()));
        }
        if (type.hasCellState() && cPrev == null) {
            throw new IllegalArgumentException("lstm step: missing cell state c");
        }
        float[] xd = xProj.data();
        int xo = xProj.offset() + xOff;

        // hh[B,GH] = b_hh + h_prev·W_hhᵀ
        Tensor hh = g.scratch(rows, gh);
        for (int b = 0; b < rows; b++) {
            System.arraycopy(bHh.data(), bHh.offset(), hh.data(), hh.offset() + b * gh, gh);
        }
        PackedMatrix wt = g.packs().transposed(wHh, 1); // the same W_hh at every step: packed once
        if (wt != null) {
            Gemm.gemm(false, rows, hPrev.data(), hPrev.offset(), hidden, wt, hh.data(), hh.offset(), gh, true);
        } else if (RowProjection.suits(rows)) {
            RowProjection.project(gh, hidden, hPrev.data(), hPrev.offset(), wHh.data(), wHh.offset(), hidden,
                    hh.data(), hh.offset(), true);
        } else {
            Gemm.gemm(false, true, rows, gh, hidden, hPrev.data(), hPrev.offset(), hidden, wHh.data(), wHh.offset(), hidden,
                    hh.data(), hh.offset(), gh, true);
        }

        boolean grad = g.recording() && (xProj.requiresGrad() || hPrev.requiresGrad() || wHh.requiresGrad()
                || bHh.requiresGrad() || (cPrev != null && cPrev.requiresGrad()));
        Tensor h = g.output(grad, rows, hidden);
        Tensor c = type.hasCellState() ? g.output(grad, rows, hidden) : null;
        Tensor save;
        switch (type) {
            case GRU -> {
                save = g.scratch(rows, 4 * hidden);
                RnnKernels.gruForward(rows, hidden, xd, xo, xStride, hh.data(), hh.offset(), hPrev.data(), hPrev.offset(),
                        h.data(), h.offset(), save.data(), save.offset(), lengths, t);
            }
            case LSTM -> {
                save = g.scratch(rows, 5 * hidden);
                RnnKernels.lstmForward(rows, hidden, xd, xo, xStride, hh.data(), hh.offset(), hPrev.data(), hPrev.offset(),
                        cPrev.data(), cPrev.offset(), h.data(), h.offset(), c.data(), c.offset(), save.data(), save.offset(),
                        lengths, t);
            }
            default -> {
                save = null;
                RnnKernels.rnnForward(type == CellType.RNN_RELU, rows, hidden, xd, xo, xStride, hh.data(), hh.offset(),
                        hPrev.data(), hPrev.offset(), h.data(), h.offset(), lengths, t);
            }
        }
        if (grad) {
            int[] lens = lengths == null ? null : lengths.clone();
            g.record(() -> backward(g, type, rows, hidden, xProj, xo, xStride, hPrev, cPrev, wHh, bHh, h, c, save, lens, t));
        }
        return new CellState(h, c);
    }

    private static void backward(Graph g, CellType type, int rows, int hidden, Tensor xProj, int xo, int xStride,
                                 Tensor hPrev, Tensor cPrev, Tensor wHh, Tensor bHh, Tensor h, Tensor c, Tensor save,
                                 int[] lengths, int t) {
        int gh = type.gates() * hidden;
        Tensor dhPrevT = hPrev.grad();
        float[] dhPrev = dhPrevT == null ? null : dhPrevT.data();
        int dhpOff = dhPrevT == null ? 0 : dhPrevT.offset();
        Tensor dh = h.grad();
        Tensor dHH = g.scratch(rows, gh); // gradient of the recurrent-side pre-activations
        Tensor dX = dHH; // the input side equals it except in the GRU's n gate
        switch (type) {
            case GRU -> {
                dX = g.scratch(rows, gh);
                RnnKernels.gruBackward(rows, hidden, dh.data(), dh.offset(), hPrev.data(), hPrev.offset(),
                        save.data(), save.offset(), dX.data(), dX.offset(), dHH.data(), dHH.offset(), dhPrev, dhpOff, lengths, t);
            }
            case LSTM -> {
                Tensor dc = c.grad();
                Tensor dcPrev = cPrev.grad();
                RnnKernels.lstmBackward(rows, hidden, dh.data(), dh.offset(), dc.data(), dc.offset(),
                        cPrev.data(), cPrev.offset(), save.data(), save.offset(), dHH.data(), dHH.offset(),
                        dhPrev, dhpOff, dcPrev == null ? null : dcPrev.data(), dcPrev == null ? 0 : dcPrev.offset(), lengths, t);
            }
            default -> RnnKernels.rnnBackward(type == CellType.RNN_RELU, rows, hidden, h.data(), h.offset(), dh.data(), dh.offset(),
                    dHH.data(), dHH.offset(), dhPrev, dhpOff, lengths, t);
        }
        Tensor dxProj = xProj.grad();
        if (dxProj != null) {
            int go = dxProj.offset() + (xo - xProj.offset()); // same element position in the gradient
            float[] gd = dxProj.data();
            float[] src = dX.data();
            for (int b = 0; b < rows; b++) {
                int dst = go + b * xStride;
                int s = dX.offset() + b * gh;
                for (int j = 0; j < gh; j++) {
                    gd[dst + j] += src[s + j];
                }
            }
        }
        if (bHh.grad() != null) {
            float[] gb = bHh.grad().data();
            int bo = bHh.grad().offset();
            for (int b = 0; b < rows; b++) {
                int s = dHH.offset() + b * gh;
                for (int j = 0; j < gh; j++) {
                    gb[bo + j] += dHH.data()[s + j];
                }
            }
        }
        if (wHh.grad() != null) { // dW_hh[GH,H] += dHHᵀ·h_prev
            Gemm.gemm(true, false, gh, hidden, rows, dHH.data(), dHH.offset(), gh, hPrev.data(), hPrev.offset(), hidden,
                    wHh.grad().data(), wHh.grad().offset(), hidden, true);
        }
        if (dhPrev != null) { // dh_prev[B,H] += dHH·W_hh
            PackedMatrix wp = g.packs().plain(wHh, 1);
            if (wp != null) {
                Gemm.gemm(false, rows, dHH.data(), dHH.offset(), gh, wp, dhPrev, dhpOff, hidden, true);
            } else {
                Gemm.gemm(false, false, rows, hidden, gh, dHH.data(), dHH.offset(), gh, wHh.data(), wHh.offset(), hidden,
                        dhPrev, dhpOff, hidden, true);
            }
        }
    }
}
