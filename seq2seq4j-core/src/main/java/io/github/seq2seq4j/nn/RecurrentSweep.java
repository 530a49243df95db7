package io.github.seq2seq4j.nn;

import io.github.seq2seq4j.autograd.Graph;
import io.github.seq2seq4j.kernels.Blas1;
import io.github.seq2seq4j.kernels.Gemm;
import io.github.seq2seq4j.kernels.PackedMatrix;
import io.github.seq2seq4j.kernels.RowProjection;
import io.github.seq2seq4j.kernels.RnnKernels;
import io.github.seq2seq4j.tensor.Tensor;

/**
 * One direction of one recurrent layer over a whole padded batch, as a single tape node with a
 * hand-written backward through time: what {@code pack_padded_sequence} buys PyTorch, without
 * repacking the data.
 *
 * <p>The rows are taken longest first ({@code order}), so the rows still running at any time step
 * are a prefix: every per-step GEMM and gate kernel works on those n rows only, and no work is
 * spent on padding. States live time-major in one buffer, slot s holding the state before
 * processing step s ([T+1, B, H]), so the running rows of a slot are contiguous. The backward
 * walks the steps in reverse and leaves the recurrent weight gradient to one GEMM over all steps
 * at the end ({@code dW_hh += Σ_s dHH_sᵀ·h_s}, k = Σ n_s), instead of T small ones.
 *
 * <p>Each row's values are those of the step-by-step computation: a row's GEMM results do not
 * depend on which other rows are present.
 */
final class RecurrentSweep {
    private final CellType type;
    private final int rows;
    private final int time;
    private final int hidden;
    private final int gh;
    private final int saveWidth;
    private final int[] order; // sorted position i -> original row
    private final int[] lens; // lengths in sorted order, non-increasing
    private final boolean reverse;

    private RecurrentSweep(CellType type, int rows, int time, int hidden, int[] order, int[] lens, boolean reverse) {
        this.type = type;
        this.rows = rows;
        this.time = time;
        this.hidden = hidden;
        this.gh = type.gates() * hidden;
        this.saveWidth = switch (type) {
            case GRU -> 4 * hidden;
            case LSTM -> 5 * hidden;
            default -> 0;
        };
        this.order = order;
        this.lens = lens;
        this.reverse = reverse;
    }

    /**
     * Runs the direction and writes its outputs into {@code out} [B,T,width] at columns
     * [col, col+H) (original row order; positions past a row's length are left alone).
     *
     * @param xProj   input projections W_ih·x + b_ih of the rows in sorted order, [B,T,G·H]
     * @param order   sorted position → original row; lengths non-increasing along it
     * @param lens    lengths in sorted order (each 1..T)
     * @param initial initial state in original row order, or null for zeros
     * @return the final state of each row (its state after its own last step), original order
     */
    static CellState run(Graph g, CellType type, Tensor xProj, int[] order, int[] lens, boolean reverse,
                         CellState initial, Tensor wHh, Tensor bHh, Tensor out, int col) {
        int rows = xProj.dim(0), time = xProj.dim(1), hidden = wHh.dim(1);
        return new RecurrentSweep(type, rows, time, hidden, order, lens, reverse)
                .forward(g, xProj, initial, wHh, bHh, out, col);
    }

    /** Rows still running at time t: those longer than t, a prefix in sorted order. */
    private int running(int t) {
        int lo = 0, hi = rows; // first sorted position with lens <= t
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (lens[mid] > t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The time index processed at step s. */
    private int timeAt(int s) {
        return reverse ? time - 1 - s : s;
    }

    /** Step s at which row i starts (reverse: at its own last token) and the slot after its last step. */
    private int firstStep(int i) {
        return reverse ? time - lens[i] : 0;
    }

    private int finalSlot(int i) {
        return reverse ? time : lens[i];
    }

    private CellState forward(Graph g, Tensor xProj, CellState initial, Tensor wHh, Tensor bHh, Tensor out, int col) {
        boolean lstm = type.hasCellState();
        int slot = rows * hidden;
        Tensor hs = g.scratch(time + 1, rows, hidden); // [T+1,B,H]
        Tensor cs = lstm ? g.scratch(time + 1, rows, hidden) : null;
        Tensor save = saveWidth == 0 ? null : g.scratch(time, rows, saveWidth); // [T,B,SW]
        Tensor hh = g.scratch(rows, gh); // [B,GH], per step
        float[] hd = hs.data(), hhd = hh.data(), xd = xProj.data();
        int[] count = new int[time];
        PackedMatrix wt = g.packs().transposed(wHh, time); // W_hh packed once for all the steps
        for (int s = 0; s < time; s++) {
            int t = timeAt(s);
            int n = running(t);
            count[s] = n;
            int from = s == 0 ? 0 : reverse ? count[s - 1] : n; // rows [from, n) start now
            for (int i = from; i < n; i++) { // their initial state into slot s
                placeInitial(initial, hs, cs, s, i);
            }
            int prev = hs.offset() + s * slot, next = prev + slot;
            // hh[n,GH] = b_hh + h_prev·W_hhᵀ
            for (int i = 0; i < n; i++) {
                System.arraycopy(bHh.data(), bHh.offset(), hhd, hh.offset() + i * gh, gh);
            }
            if (wt != null) {
                Gemm.gemm(false, n, hd, prev, hidden, wt, hhd, hh.offset(), gh, true);
            } else if (RowProjection.suits(n)) {
                RowProjection.project(gh, hidden, hd, prev, wHh.data(), wHh.offset(), hidden, hhd, hh.offset(), true);
            } else {
                Gemm.gemm(false, true, n, gh, hidden, hd, prev, hidden, wHh.data(), wHh.offset(), hidden,
                        hhd, hh.offset(), gh, true);
            }
            int xo = xProj.offset() + t * gh, xs = time * gh;
            switch (type) {
                case GRU -> RnnKernels.gruForward(n, hidden, xd, xo, xs, hhd, hh.offset(), hd, prev, hd, next,
                        save.data(), save.offset() + s * rows * saveWidth, null, t);
                case LSTM -> RnnKernels.lstmForward(n, hidden, xd, xo, xs, hhd, hh.offset(), hd, prev,
                        cs.data(), cs.offset() + s * slot, hd, next, cs.data(), cs.offset() + (s + 1) * slot,
                        save.data(), save.offset() + s * rows * saveWidth, null, t);
                default -> RnnKernels.rnnForward(type == CellType.RNN_RELU, n, hidden, xd, xo, xs, hhd, hh.offset(),
                        hd, prev, hd, next, null, t);
            }
        }
        // outputs and final states, in original row order
        float[] od = out.data();
        int width = out.dim(2);
        for (int i = 0; i < rows; i++) {
            for (int t = 0; t < lens[i]; t++) {
                int s = reverse ? time - 1 - t : t;
                System.arraycopy(hd, hs.offset() + (s + 1) * slot + i * hidden, od,
                        out.offset() + (order[i] * time + t) * width + col, hidden);
            }
        }
        boolean grad = g.recording() && (xProj.requiresGrad() || wHh.requiresGrad() || bHh.requiresGrad()
                || (initial != null && (initial.h().requiresGrad() || (lstm && initial.c().requiresGrad()))));
        Tensor hFinal = g.output(grad, rows, hidden);
        Tensor cFinal = lstm ? g.output(grad, rows, hidden) : null;
        for (int i = 0; i < rows; i++) {
            int src = finalSlot(i) * slot + i * hidden;
            System.arraycopy(hd, hs.offset() + src, hFinal.data(), hFinal.offset() + order[i] * hidden, hidden);
            if (lstm) {
                System.arraycopy(cs.data(), cs.offset() + src, cFinal.data(), cFinal.offset() + order[i] * hidden, hidden);
            }
        }
        if (grad) {
            g.record(() -> backward(g, xProj, initial, wHh, bHh, out, col, hs, cs, save, count, hFinal, cFinal));
        }
        return new CellState(hFinal, cFinal);
    }

    private void placeInitial(CellState initial, Tensor hs, Tensor cs, int s, int i) {
        int dst = (s * rows + i) * hidden;
        if (initial == null) {
            java.util.Arrays.fill(hs.data(), hs.offset() + dst, hs.offset() + dst + hidden, 0f);
            if (cs != null) {
                java.util.Arrays.fill(cs.data(), cs.offset() + dst, cs.offset() + dst + hidden, 0f);
            }
            return;
        }
        Tensor h0 = initial.h();
        System.arraycopy(h0.data(), h0.offset() + order[i] * hidden, hs.data(), hs.offset() + dst, hidden);
        if (cs != null) {
            Tensor c0 = initial.c();
            System.arraycopy(c0.data(), c0.offset() + order[i] * hidden, cs.data(), cs.offset() + dst, hidden);
        }
    }

    private void backward(Graph g, Tensor xProj, CellState initial, Tensor wHh, Tensor bHh, Tensor out, int col,
                          Tensor hs, Tensor cs, Tensor save, int[] count, Tensor hFinal, Tensor cFinal) {
        boolean lstm = cs != null;
        int slot = rows * hidden;
        Tensor dhs = g.zeros(false, time + 1, rows, hidden); // gradient of each slot's state
        Tensor dcs = lstm ? g.zeros(false, time + 1, rows, hidden) : null;
        float[] dh = dhs.data();
        // from the outputs and the final states
        Tensor dOut = out.grad();
        int width = out.dim(2);
        for (int i = 0; i < rows; i++) {
            for (int t = 0; dOut != null && t < lens[i]; t++) {
                int s = reverse ? time - 1 - t : t;
                Blas1.axpy(1f, dOut.data(), dOut.offset() + (order[i] * time + t) * width + col,
                        dh, dhs.offset() + ((s + 1) * rows + i) * hidden, hidden);
            }
            int fin = (finalSlot(i) * rows + i) * hidden;
            if (hFinal.grad() != null) {
                Blas1.axpy(1f, hFinal.grad().data(), hFinal.grad().offset() + order[i] * hidden, dh, dhs.offset() + fin, hidden);
            }
            if (lstm && cFinal.grad() != null) {
                Blas1.axpy(1f, cFinal.grad().data(), cFinal.grad().offset() + order[i] * hidden,
                        dcs.data(), dcs.offset() + fin, hidden);
            }
        }
        int total = 0;
        for (int n : count) {
            total += n;
        }
        boolean weights = wHh.grad() != null || bHh.grad() != null;
        Tensor dHHc = g.scratch(Math.max(1, total), gh); // every step's dHH rows, packed [Σn,GH]
        Tensor hPrevC = wHh.grad() != null ? g.scratch(Math.max(1, total), hidden) : null; // matching h_prev [Σn,H]
        Tensor dX = type == CellType.GRU ? g.scratch(rows, gh) : null; // GRU: the x side differs in the n gate
        Tensor dxProj = xProj.grad();
        float[] hd = hs.data(), dhc = dHHc.data();
        int packed = total;
        PackedMatrix wp = g.packs().plain(wHh, time); // W_hh packed once for dh_prev at every step
        for (int s = time - 1; s >= 0; s--) {
            int t = timeAt(s);
            int n = count[s];
            packed -= n;
            int dho = dhs.offset() + (s + 1) * slot, dpo = dhs.offset() + s * slot, hpo = hs.offset() + s * slot;
            int dhho = dHHc.offset() + packed * gh;
            int so = save == null ? 0 : save.offset() + s * rows * saveWidth;
            float[] xSide = dhc;
            int xSideOff = dhho;
            switch (type) {
                case GRU -> {
                    RnnKernels.gruBackward(n, hidden, dh, dho, hd, hpo, save.data(), so, dX.data(), dX.offset(),
                            dhc, dhho, dh, dpo, null, t);
                    xSide = dX.data();
                    xSideOff = dX.offset();
                }
                case LSTM -> RnnKernels.lstmBackward(n, hidden, dh, dho, dcs.data(), dcs.offset() + (s + 1) * slot,
                        cs.data(), cs.offset() + s * slot, save.data(), so, dhc, dhho, null, 0,
                        dcs.data(), dcs.offset() + s * slot, null, t);
                default -> RnnKernels.rnnBackward(type == CellType.RNN_RELU, n, hidden, hd, hpo + slot, dh, dho,
                        dhc, dhho, null, 0, null, t);
            }
            if (dxProj != null) { // the input projection's gradient at time t, rows at stride T·GH
                for (int i = 0; i < n; i++) {
                    Blas1.axpy(1f, xSide, xSideOff + i * gh, dxProj.data(), dxProj.offset() + (i * time + t) * gh, gh);
                }
            }
            // dh_prev[n,H] += dHH·W_hh
            if (wp != null) {
                Gemm.gemm(false, n, dhc, dhho, gh, wp, dh, dpo, hidden, true);
            } else {
                Gemm.gemm(false, false, n, hidden, gh, dhc, dhho, gh, wHh.data(), wHh.offset(), hidden, dh, dpo, hidden,
                        true);
            }
            if (hPrevC != null) {
                System.arraycopy(hd, hpo, hPrevC.data(), hPrevC.offset() + packed * hidden, n * hidden);
            }
        }
        if (weights && total > 0) {
            if (wHh.grad() != null) { // dW_hh[GH,H] += dHHᵀ·h_prev over every step's rows at once
                Gemm.gemm(true, false, gh, hidden, total, dhc, dHHc.offset(), gh, hPrevC.data(), hPrevC.offset(), hidden,
                        wHh.grad().data(), wHh.grad().offset(), hidden, true);
            }
            if (bHh.grad() != null) {
                for (int r = 0; r < total; r++) {
                    Blas1.axpy(1f, dhc, dHHc.offset() + r * gh, bHh.grad().data(), bHh.grad().offset(), gh);
                }
            }
        }
        if (initial != null) { // each row's initial state sat in the slot of its first step
            Tensor gh0 = initial.h().grad();
            Tensor gc0 = lstm ? initial.c().grad() : null;
            for (int i = 0; i < rows; i++) {
                int src = (firstStep(i) * rows + i) * hidden;
                if (gh0 != null) {
                    Blas1.axpy(1f, dh, dhs.offset() + src, gh0.data(), gh0.offset() + order[i] * hidden, hidden);
                }
                if (gc0 != null) {
                    Blas1.axpy(1f, dcs.data(), dcs.offset() + src, gc0.data(), gc0.offset() + order[i] * hidden, hidden);
                }
            }
        }
    }
}
