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
 */
public final class RnnKernels {
    private RnnKernels() {}

    static boolean active(int[] lengths, int t, int b) {
        return lengths == null || t < lengths[b];
    }

    // ---- Elman RNN: h = act(x + hh) ----

    public static void rnnForward(boolean relu, int rows, int hidden, float[] x, int xOff, int xStride,
                                  float[] hh, int hhOff, float[] hPrev, int hpOff, float[] h, int hOff,
                                  int[] lengths, int t) {
        for (int b = 0; b < rows; b++) {
            int xo = xOff + b * xStride, ho = hOff + b * hidden, hho = hhOff + b * hidden, po = hpOff + b * hidden;
            if (!active(lengths, t, b)) {
                System.arraycopy(hPrev, po, h, ho, hidden);
                continue;
            }
            for (int j = 0; j < hidden; j++) {
                float a = x[xo + j] + hh[hho + j];
                h[ho + j] = relu ? Math.max(0f, a) : (float) Math.tanh(a);
            }
        }
    }

    /** dPre[B,H] := dh ⊙ act'(h) (0 on inactive rows); inactive rows add dh into dhPrev. */
    public static void rnnBackward(boolean relu, int rows, int hidden, float[] h, int hOff, float[] dh, int dhOff,
                                   float[] dPre, int dPreOff, float[] dhPrev, int dhpOff, int[] lengths, int t) {
        for (int b = 0; b < rows; b++) {
            int ho = hOff + b * hidden, dho = dhOff + b * hidden, dpo = dPreOff + b * hidden;
            if (!active(lengths, t, b)) {
                for (int j = 0; j < hidden; j++) {
                    dPre[dpo + j] = 0f;
                    if (dhPrev != null) {
                        dhPrev[dhpOff + b * hidden + j] += dh[dho + j];
                    }
                }
                continue;
            }
            for (int j = 0; j < hidden; j++) {
                float y = h[ho + j];
                float d = relu ? (y > 0f ? 1f : 0f) : 1f - y * y;
                dPre[dpo + j] = dh[dho + j] * d;
            }
        }
    }

    // ---- GRU (Cho et al. 2014, PyTorch form): gates r, z, n ----
    //   r = σ(x_r + hh_r)   z = σ(x_z + hh_z)   n = tanh(x_n + r ⊙ hh_n)   h = (1 − z) ⊙ n + z ⊙ h_prev
    // save per row: [r, z, n, hh_n], 4H floats.

    public static void gruForward(int rows, int hidden, float[] x, int xOff, int xStride, float[] hh, int hhOff,
                                  float[] hPrev, int hpOff, float[] h, int hOff, float[] save, int saveOff,
                                  int[] lengths, int t) {
        int h3 = 3 * hidden;
        for (int b = 0; b < rows; b++) {
            int xo = xOff + b * xStride, hho = hhOff + b * h3, po = hpOff + b * hidden, ho = hOff + b * hidden;
            int so = saveOff + b * 4 * hidden;
            if (!active(lengths, t, b)) {
                System.arraycopy(hPrev, po, h, ho, hidden);
                continue;
            }
            for (int j = 0; j < hidden; j++) {
                float r = sigmoid(x[xo + j] + hh[hho + j]);
                float z = sigmoid(x[xo + hidden + j] + hh[hho + hidden + j]);
                float hn = hh[hho + 2 * hidden + j];
                float n = (float) Math.tanh(x[xo + 2 * hidden + j] + r * hn);
                h[ho + j] = (1f - z) * n + z * hPrev[po + j];
                save[so + j] = r;
                save[so + hidden + j] = z;
                save[so + 2 * hidden + j] = n;
                save[so + 3 * hidden + j] = hn;
            }
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
            int dho = dhOff + b * hidden, po = hpOff + b * hidden, so = saveOff + b * 4 * hidden;
            int dxo = dXOff + b * h3, dhho = dHHOff + b * h3, dpo = dhpOff + b * hidden;
            if (!active(lengths, t, b)) {
                for (int j = 0; j < h3; j++) {
                    dX[dxo + j] = 0f;
                    dHH[dhho + j] = 0f;
                }
                if (dhPrev != null) {
                    for (int j = 0; j < hidden; j++) {
                        dhPrev[dpo + j] += dh[dho + j];
                    }
                }
                continue;
            }
            for (int j = 0; j < hidden; j++) {
                float g = dh[dho + j];
                float r = save[so + j], z = save[so + hidden + j], n = save[so + 2 * hidden + j], hn = save[so + 3 * hidden + j];
                float dnPre = g * (1f - z) * (1f - n * n);
                float dzPre = g * (hPrev[po + j] - n) * z * (1f - z);
                float drPre = dnPre * hn * r * (1f - r);
                dX[dxo + j] = drPre;
                dX[dxo + hidden + j] = dzPre;
                dX[dxo + 2 * hidden + j] = dnPre;
                dHH[dhho + j] = drPre;
                dHH[dhho + hidden + j] = dzPre;
                dHH[dhho + 2 * hidden + j] = dnPre * r;
                if (dhPrev != null) {
                    dhPrev[dpo + j] += g * z;
                }
            }
        }
    }

    // ---- LSTM (Hochreiter & Schmidhuber 1997, PyTorch form): gates i, f, g, o ----
    //   c = f ⊙ c_prev + i ⊙ g     h = o ⊙ tanh(c)
    // save per row: [i, f, g, o, tanh(c)], 5H floats.

    public static void lstmForward(int rows, int hidden, float[] x, int xOff, int xStride, float[] hh, int hhOff,
                                   float[] hPrev, int hpOff, float[] cPrev, int cpOff, float[] h, int hOff,
                                   float[] c, int cOff, float[] save, int saveOff, int[] lengths, int t) {
        int h4 = 4 * hidden;
        for (int b = 0; b < rows; b++) {
            int xo = xOff + b * xStride, hho = hhOff + b * h4, po = hpOff + b * hidden, cpo = cpOff + b * hidden;
            int ho = hOff + b * hidden, co = cOff + b * hidden, so = saveOff + b * 5 * hidden;
            if (!active(lengths, t, b)) {
                System.arraycopy(hPrev, po, h, ho, hidden);
                System.arraycopy(cPrev, cpo, c, co, hidden);
                continue;
            }
            for (int j = 0; j < hidden; j++) {
                float i = sigmoid(x[xo + j] + hh[hho + j]);
                float f = sigmoid(x[xo + hidden + j] + hh[hho + hidden + j]);
                float g = (float) Math.tanh(x[xo + 2 * hidden + j] + hh[hho + 2 * hidden + j]);
                float o = sigmoid(x[xo + 3 * hidden + j] + hh[hho + 3 * hidden + j]);
                float cv = f * cPrev[cpo + j] + i * g;
                float tc = (float) Math.tanh(cv);
                c[co + j] = cv;
                h[ho + j] = o * tc;
                save[so + j] = i;
                save[so + hidden + j] = f;
                save[so + 2 * hidden + j] = g;
                save[so + 3 * hidden + j] = o;
                save[so + 4 * hidden + j] = tc;
            }
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
            int so = saveOff + b * 5 * hidden, dpo = dPreOff + b * h4, cpo = cpOff + b * hidden;
            int dho = dhOff + b * hidden, dco = dcOff + b * hidden;
            if (!active(lengths, t, b)) {
                for (int j = 0; j < h4; j++) {
                    dPre[dpo + j] = 0f;
                }
                for (int j = 0; j < hidden; j++) {
                    if (dhPrev != null && dh != null) {
                        dhPrev[dhpOff + b * hidden + j] += dh[dho + j];
                    }
                    if (dcPrev != null && dc != null) {
                        dcPrev[dcpOff + b * hidden + j] += dc[dco + j];
                    }
                }
                continue;
            }
            for (int j = 0; j < hidden; j++) {
                float i = save[so + j], f = save[so + hidden + j], g = save[so + 2 * hidden + j];
                float o = save[so + 3 * hidden + j], tc = save[so + 4 * hidden + j];
                float gh = dh == null ? 0f : dh[dho + j];
                float dcTotal = (dc == null ? 0f : dc[dco + j]) + gh * o * (1f - tc * tc);
                dPre[dpo + j] = dcTotal * g * i * (1f - i);
                dPre[dpo + hidden + j] = dcTotal * cPrev[cpo + j] * f * (1f - f);
                dPre[dpo + 2 * hidden + j] = dcTotal * i * (1f - g * g);
                dPre[dpo + 3 * hidden + j] = gh * tc * o * (1f - o);
                if (dcPrev != null) {
                    dcPrev[dcpOff + b * hidden + j] += dcTotal * f;
                }
            }
        }
    }

    static float sigmoid(float x) {
        if (x >= 0) {
            return (float) (1.0 / (1.0 + Math.exp(-x)));
        }
        double e = Math.exp(x);
        return (float) (e / (1.0 + e));
    }
}
