package io.github.seq2seq4j.kernels;

/**
 * Plain-Java cell kernels with {@link FloatMath}'s functions: the reference for
 * {@code VectorCells}, which performs the same operations in the same order and uses the
 * per-element methods here for its tails.
 */
final class ScalarCells implements CellKernel {
    @Override
    public void tanh(int n, float[] x, int xo, float[] y, int yo) {
        for (int j = 0; j < n; j++) {
            y[yo + j] = FloatMath.tanh(x[xo + j]);
        }
    }

    @Override
    public void rnn(boolean relu, int hidden, float[] x, int xo, float[] hh, int hho, float[] h, int ho) {
        for (int j = 0; j < hidden; j++) {
            rnnAt(relu, x, xo, hh, hho, h, ho, j);
        }
    }

    static void rnnAt(boolean relu, float[] x, int xo, float[] hh, int hho, float[] h, int ho, int j) {
        float a = x[xo + j] + hh[hho + j];
        h[ho + j] = relu ? Math.max(0f, a) : FloatMath.tanh(a);
    }

    @Override
    public void rnnBackward(boolean relu, int hidden, float[] h, int ho, float[] dh, int dho, float[] dPre, int dpo) {
        for (int j = 0; j < hidden; j++) {
            rnnBackwardAt(relu, h, ho, dh, dho, dPre, dpo, j);
        }
    }

    static void rnnBackwardAt(boolean relu, float[] h, int ho, float[] dh, int dho, float[] dPre, int dpo, int j) {
        float y = h[ho + j];
        float d = relu ? (y > 0f ? 1f : 0f) : 1f - y * y;
        dPre[dpo + j] = dh[dho + j] * d;
    }

    @Override
    public void gru(int hidden, float[] x, int xo, float[] hh, int hho, float[] hPrev, int po, float[] h, int ho,
                    float[] save, int so) {
        for (int j = 0; j < hidden; j++) {
            gruAt(hidden, x, xo, hh, hho, hPrev, po, h, ho, save, so, j);
        }
    }

    static void gruAt(int hidden, float[] x, int xo, float[] hh, int hho, float[] hPrev, int po, float[] h, int ho,
                      float[] save, int so, int j) {
        float r = FloatMath.sigmoid(x[xo + j] + hh[hho + j]);
        float z = FloatMath.sigmoid(x[xo + hidden + j] + hh[hho + hidden + j]);
        float hn = hh[hho + 2 * hidden + j];
        float n = FloatMath.tanh(x[xo + 2 * hidden + j] + r * hn);
        h[ho + j] = (1f - z) * n + z * hPrev[po + j];
        save[so + j] = r;
        save[so + hidden + j] = z;
        save[so + 2 * hidden + j] = n;
        save[so + 3 * hidden + j] = hn;
    }

    @Override
    public void gruBackward(int hidden, float[] dh, int dho, float[] hPrev, int po, float[] save, int so,
                            float[] dX, int dxo, float[] dHH, int dhho, float[] dhPrev, int dpo) {
        for (int j = 0; j < hidden; j++) {
            gruBackwardAt(hidden, dh, dho, hPrev, po, save, so, dX, dxo, dHH, dhho, dhPrev, dpo, j);
        }
    }

    static void gruBackwardAt(int hidden, float[] dh, int dho, float[] hPrev, int po, float[] save, int so,
                              float[] dX, int dxo, float[] dHH, int dhho, float[] dhPrev, int dpo, int j) {
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

    @Override
    public void lstm(int hidden, float[] x, int xo, float[] hh, int hho, float[] cPrev, int cpo, float[] h, int ho,
                     float[] c, int co, float[] save, int so) {
        for (int j = 0; j < hidden; j++) {
            lstmAt(hidden, x, xo, hh, hho, cPrev, cpo, h, ho, c, co, save, so, j);
        }
    }

    static void lstmAt(int hidden, float[] x, int xo, float[] hh, int hho, float[] cPrev, int cpo, float[] h, int ho,
                       float[] c, int co, float[] save, int so, int j) {
        float i = FloatMath.sigmoid(x[xo + j] + hh[hho + j]);
        float f = FloatMath.sigmoid(x[xo + hidden + j] + hh[hho + hidden + j]);
        float g = FloatMath.tanh(x[xo + 2 * hidden + j] + hh[hho + 2 * hidden + j]);
        float o = FloatMath.sigmoid(x[xo + 3 * hidden + j] + hh[hho + 3 * hidden + j]);
        float cv = f * cPrev[cpo + j] + i * g;
        float tc = FloatMath.tanh(cv);
        c[co + j] = cv;
        h[ho + j] = o * tc;
        save[so + j] = i;
        save[so + hidden + j] = f;
        save[so + 2 * hidden + j] = g;
        save[so + 3 * hidden + j] = o;
        save[so + 4 * hidden + j] = tc;
    }

    @Override
    public void lstmBackward(int hidden, float[] dh, int dho, float[] dc, int dco, float[] cPrev, int cpo,
                             float[] save, int so, float[] dPre, int dpo, float[] dcPrev, int dcpo) {
        for (int j = 0; j < hidden; j++) {
            lstmBackwardAt(hidden, dh, dho, dc, dco, cPrev, cpo, save, so, dPre, dpo, dcPrev, dcpo, j);
        }
    }

    static void lstmBackwardAt(int hidden, float[] dh, int dho, float[] dc, int dco, float[] cPrev, int cpo,
                               float[] save, int so, float[] dPre, int dpo, float[] dcPrev, int dcpo, int j) {
        float i = save[so + j], f = save[so + hidden + j], g = save[so + 2 * hidden + j];
        float o = save[so + 3 * hidden + j], tc = save[so + 4 * hidden + j];
        float gh = dh == null ? 0f : dh[dho + j];
        float dcTotal = (dc == null ? 0f : dc[dco + j]) + gh * o * (1f - tc * tc);
        dPre[dpo + j] = dcTotal * g * i * (1f - i);
        dPre[dpo + hidden + j] = dcTotal * cPrev[cpo + j] * f * (1f - f);
        dPre[dpo + 2 * hidden + j] = dcTotal * i * (1f - g * g);
        dPre[dpo + 3 * hidden + j] = gh * tc * o * (1f - o);
        if (dcPrev != null) {
            dcPrev[dcpo + j] += dcTotal * f;
        }
    }
}
