package io.github.seq2seq4j.kernels;

/**
 * Fused gate arithmetic of the recurrent cells, forward and backward, with PyTorch's equations
 * and gate order. Inputs per row b:
 * <ul>
 *   <li>{@code x}: the input projection W_ih·x + b_ih, [G·H] per row at {@code xOff + b·xStride};
 *   <li>{@code hh}: the recurrent projection W_hh·h + b_hh, [B, G·H] contiguous.
 * </ul>
 * A row is active at step t when {@code lengths == null || t < lengths[b]}; an inactive row
 * carries its state unchanged (as packed sequences do) and passes gradients straight through.
 * The matrix products are done by the caller; these loops do everything between them.
 *
 * <p>The per-row arithmetic is a {@link CellKernel}: Vector API lanes when the incubator module is
 * present, plain loops otherwise (chosen once, like {@link Gemm}); both give the same bits, with
 * {@link FloatMath}'s exp, tanh and sigmoid.
 */
public final class RnnKernels {
    private static final CellKernel KERNEL = "vector".equals(KernelSelection.family())
            ? KernelSelection.instantiate("VectorCells", CellKernel.class)
            : new ScalarCells();

    private RnnKernels() {}

    static boolean active(int[] lengths, int t, int b) {
        return lengths == null || t < lengths[b];
    }

    /** The active implementation: {@code "vector"} or {@code "scalar"}. */
    public static String implementation() {
        return KERNEL instanceof ScalarCells ? "scalar" : "vector";
    }

    /**
     * y[0:n] = tanh x[0:n] (y may be x) with the cells' tanh, for the layers around the cells (the
     * bridge, Luong's combine layer), so that every tanh of a model has the same bits on every JDK:
     * Math.tanh may differ between JDKs (JDK 24 made it an intrinsic) and runs fdlibm's double
     * code on JDK 17, 18 % of an L batch decode there.
     */
    public static void tanh(int n, float[] x, int xo, float[] y, int yo) {
        KERNEL.tanh(n, x, xo, y, yo);
    }

    // ---- Elman RNN: h = act(x + hh) ----

    public static void rnnForward(boolean relu, int rows, int hidden, float[] x, int xOff, int xStride,
                                  float[] hh, int hhOff, float[] hPrev, int hpOff, float[] h, int hOff,
                                  int[] lengths, int t) {
        for (int b = 0; b < rows; b++) {
            int ho = hOff + b * hidden;
            if (!active(lengths, t, b)) {
                System.arraycopy(hPrev, hpOff + b * hidden, h, ho, hidden);
                continue;
            }
            KERNEL.rnn(relu, hidden, x, xOff + b * xStride, hh, hhOff + b * hidden, h, ho);
        }
    }

    /** dPre[B,H] := dh ⊙ act'(h) (0 on inactive rows); inactive rows add dh into dhPrev. */
    public static void rnnBackward(boolean relu, int rows, int hidden, float[] h, int hOff, float[] dh, int dhOff,
                                   float[] dPre, int dPreOff, float[] dhPrev, int dhpOff, int[] lengths, int t) {
        for (int b = 0; b < rows; b++) {
            int dho = dhOff + b * hidden, dpo = dPreOff + b * hidden;
            if (!active(lengths, t, b)) {
                passThrough(hidden, hidden, dh, dho, dPre, dpo, dhPrev, dhpOff + b * hidden);
                continue;
            }
            KERNEL.rnnBackward(relu, hidden, h, hOff + b * hidden, dh, dho, dPre, dpo);
        }
    }

    // ---- GRU (Cho et al. 2014, PyTorch form): gates r, z, n ----
    //   r = σ(x_r + hh_r)   z = σ(x_z + hh_z)   n = tanh(x_n + r ⊙ hh_n)   h = (1 − z) ⊙ n + z ⊙ h_prev
    // save per row: [r, z, n, hh_n], 4H floats.

    public static void gruForward(int rows, int hidden, float[] x, int xOff, int xStride, float[] hh, int hhOff,
                                  float[] hPrev, int hpOff, float[] h, int hOff, float[] save, int saveOff,
                                  int[] lengths, int t) {
        for (int b = 0; b < rows; b++) {
            int po = hpOff + b * hidden, ho = hOff + b * hidden;
            if (!active(lengths, t, b)) {
                System.arraycopy(hPrev, po, h, ho, hidden);
                continue;
            }
            KERNEL.gru(hidden, x, xOff + b * xStride, hh, hhOff + b * 3 * hidden, hPrev, po, h, ho,
                    save, saveOff + b * 4 * hidden);
        }
    }

    /**
     * From dh, writes the gradient of the pre-activations: dX[B,3H] (x side) and dHH[B,3H]
     * (recurrent side; differs from dX only in the n gate, scaled by r), and adds the direct path
     * z ⊙ dh (or all of dh on inactive rows) into dhPrev.
     */
    public static void gruBackward(int rows, int hidden, float[] dh, int dhOff, float[] hPrev, int hpOff,
                                   float[] save, int saveOff, float[] dX, int dXOff, float[] dHH, int dHHOff,
                                   float[] dhPrev, int dhpOff, int[] lengths, int t) {
        int h3 = 3 * hidden;
        for (int b = 0; b < rows; b++) {
            int dho = dhOff + b * hidden, dxo = dXOff + b * h3, dhho = dHHOff + b * h3, dpo = dhpOff + b * hidden;
            if (!active(lengths, t, b)) {
                java.util.Arrays.fill(dX, dxo, dxo + h3, 0f);
                passThrough(hidden, h3, dh, dho, dHH, dhho, dhPrev, dpo);
                continue;
            }
            KERNEL.gruBackward(hidden, dh, dho, hPrev, hpOff + b * hidden, save, saveOff + b * 4 * hidden,
                    dX, dxo, dHH, dhho, dhPrev, dpo);
        }
    }

    // ---- LSTM (Hochreiter & Schmidhuber 1997, PyTorch form): gates i, f, g, o ----
    //   c = f ⊙ c_prev + i ⊙ g     h = o ⊙ tanh(c)
    // save per row: [i, f, g, o, tanh(c)], 5H floats.

    public static void lstmForward(int rows, int hidden, float[] x, int xOff, int xStride, float[] hh, int hhOff,
                                   float[] hPrev, int hpOff, float[] cPrev, int cpOff, float[] h, int hOff,
                                   float[] c, int cOff, float[] save, int saveOff, int[] lengths, int t) {
        for (int b = 0; b < rows; b++) {
            int po = hpOff + b * hidden, cpo = cpOff + b * hidden, ho = hOff + b * hidden, co = cOff + b * hidden;
            if (!active(lengths, t, b)) {
                System.arraycopy(hPrev, po, h, ho, hidden);
                System.arraycopy(cPrev, cpo, c, co, hidden);
                continue;
            }
            KERNEL.lstm(hidden, x, xOff + b * xStride, hh, hhOff + b * 4 * hidden, cPrev, cpo, h, ho, c, co,
                    save, saveOff + b * 5 * hidden);
        }
    }

    /**
     * From dh and dc (either may be null: no gradient), writes dPre[B,4H] (equal for the x and
     * recurrent sides) and adds into dcPrev; inactive rows pass dh to dhPrev and dc to dcPrev.
     */
    public static void lstmBackward(int rows, int hidden, float[] dh, int dhOff, float[] dc, int dcOff,
                                    float[] cPrev, int cpOff, float[] save, int saveOff, float[] dPre, int dPreOff,
                                    float[] dhPrev, int dhpOff, float[] dcPrev, int dcpOff, int[] lengths, int t) {
        int h4 = 4 * hidden;
        for (int b = 0; b < rows; b++) {
            int dpo = dPreOff + b * h4, dho = dhOff + b * hidden, dco = dcOff + b * hidden;
            if (!active(lengths, t, b)) {
                java.util.Arrays.fill(dPre, dpo, dpo + h4, 0f);
                if (dh != null) {
                    addInto(hidden, dh, dho, dhPrev, dhpOff + b * hidden);
                }
                if (dc != null) {
                    addInto(hidden, dc, dco, dcPrev, dcpOff + b * hidden);
                }
                continue;
            }
            KERNEL.lstmBackward(hidden, dh, dho, dc, dco, cPrev, cpOff + b * hidden, save, saveOff + b * 5 * hidden,
                    dPre, dpo, dcPrev, dcpOff + b * hidden);
        }
    }

    /** An inactive row: zero gradient for the pre-activations [width], dh passed on to dhPrev. */
    private static void passThrough(int hidden, int width, float[] dh, int dho, float[] dPre, int dpo,
                                    float[] dhPrev, int dpp) {
        java.util.Arrays.fill(dPre, dpo, dpo + width, 0f);
        addInto(hidden, dh, dho, dhPrev, dpp);
    }

    private static void addInto(int n, float[] src, int so, float[] dst, int dOff) {
        if (dst == null) {
            return;
        }
        for (int j = 0; j < n; j++) {
            dst[dOff + j] += src[so + j];
        }
    }
}
