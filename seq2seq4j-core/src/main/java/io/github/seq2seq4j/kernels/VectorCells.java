package io.github.seq2seq4j.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API cell kernels: the activations through {@link VectorMath}'s array functions (one pass
 * per gate group, in place in the save buffer), the rest in loops made only of Vector API calls
 * (see VectorMath for why); scalar tails as {@link ScalarCells}. Every element goes through the
 * same operations as in ScalarCells, so the results are identical bit for bit. Loaded only when
 * jdk.incubator.vector is present.
 */
final class VectorCells implements CellKernel {
    private static final VectorSpecies<Float> S = VectorMath.SPECIES;
    private static final int L = S.length();

    @Override
    public void tanh(int n, float[] x, int xo, float[] y, int yo) {
        VectorMath.tanh(x, xo, null, 0, y, yo, n);
    }

    @Override
    public void rnn(boolean relu, int hidden, float[] x, int xo, float[] hh, int hho, float[] h, int ho) {
        if (!relu) {
            VectorMath.tanh(x, xo, hh, hho, h, ho, hidden);
            return;
        }
        int j = 0;
        for (int bound = S.loopBound(hidden); j < bound; j += L) {
            FloatVector.fromArray(S, x, xo + j).add(FloatVector.fromArray(S, hh, hho + j)).max(0f).intoArray(h, ho + j);
        }
        for (; j < hidden; j++) {
            ScalarCells.rnnAt(true, x, xo, hh, hho, h, ho, j);
        }
    }

    @Override
    public void rnnBackward(boolean relu, int hidden, float[] h, int ho, float[] dh, int dho, float[] dPre, int dpo) {
        if (relu) { // a comparison per element: nothing to gain from vectors
            for (int j = 0; j < hidden; j++) {
                ScalarCells.rnnBackwardAt(true, h, ho, dh, dho, dPre, dpo, j);
            }
            return;
        }
        FloatVector one = FloatVector.broadcast(S, 1f);
        int j = 0;
        for (int bound = S.loopBound(hidden); j < bound; j += L) {
            FloatVector y = FloatVector.fromArray(S, h, ho + j);
            FloatVector.fromArray(S, dh, dho + j).mul(one.sub(y.mul(y))).intoArray(dPre, dpo + j);
        }
        for (; j < hidden; j++) {
            ScalarCells.rnnBackwardAt(false, h, ho, dh, dho, dPre, dpo, j);
        }
    }

    @Override
    public void gru(int hidden, float[] x, int xo, float[] hh, int hho, float[] hPrev, int po, float[] h, int ho,
                    float[] save, int so) {
        int rOff = so, zOff = so + hidden, nOff = so + 2 * hidden, hnOff = so + 3 * hidden;
        VectorMath.sigmoid(x, xo, hh, hho, save, rOff, 2 * hidden); // r and z: contiguous in x, hh and save
        // hn = hh_n; the n gate's pre-activation x_n + r ⊙ hn goes where n will be, then tanh in place
        int j = 0;
        for (int bound = S.loopBound(hidden); j < bound; j += L) {
            FloatVector hn = FloatVector.fromArray(S, hh, hho + 2 * hidden + j);
            hn.intoArray(save, hnOff + j);
            FloatVector.fromArray(S, x, xo + 2 * hidden + j).add(FloatVector.fromArray(S, save, rOff + j).mul(hn))
                    .intoArray(save, nOff + j);
        }
        for (; j < hidden; j++) {
            float hn = hh[hho + 2 * hidden + j];
            save[hnOff + j] = hn;
            save[nOff + j] = x[xo + 2 * hidden + j] + save[rOff + j] * hn;
        }
        VectorMath.tanh(save, nOff, null, 0, save, nOff, hidden);
        FloatVector one = FloatVector.broadcast(S, 1f);
        j = 0;
        for (int bound = S.loopBound(hidden); j < bound; j += L) { // h = (1 − z) ⊙ n + z ⊙ h_prev
            FloatVector z = FloatVector.fromArray(S, save, zOff + j);
            one.sub(z).mul(FloatVector.fromArray(S, save, nOff + j)).add(z.mul(FloatVector.fromArray(S, hPrev, po + j)))
                    .intoArray(h, ho + j);
        }
        for (; j < hidden; j++) {
            float z = save[zOff + j];
            h[ho + j] = (1f - z) * save[nOff + j] + z * hPrev[po + j];
        }
    }

    @Override
    public void gruBackward(int hidden, float[] dh, int dho, float[] hPrev, int po, float[] save, int so,
                            float[] dX, int dxo, float[] dHH, int dhho, float[] dhPrev, int dpo) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        int j = 0;
        for (int bound = S.loopBound(hidden); j < bound; j += L) {
            FloatVector g = FloatVector.fromArray(S, dh, dho + j);
            FloatVector r = FloatVector.fromArray(S, save, so + j);
            FloatVector z = FloatVector.fromArray(S, save, so + hidden + j);
            FloatVector n = FloatVector.fromArray(S, save, so + 2 * hidden + j);
            FloatVector hn = FloatVector.fromArray(S, save, so + 3 * hidden + j);
            FloatVector dnPre = g.mul(one.sub(z)).mul(one.sub(n.mul(n)));
            FloatVector dzPre = g.mul(FloatVector.fromArray(S, hPrev, po + j).sub(n)).mul(z).mul(one.sub(z));
            FloatVector drPre = dnPre.mul(hn).mul(r).mul(one.sub(r));
            drPre.intoArray(dX, dxo + j);
            dzPre.intoArray(dX, dxo + hidden + j);
            dnPre.intoArray(dX, dxo + 2 * hidden + j);
            drPre.intoArray(dHH, dhho + j);
            dzPre.intoArray(dHH, dhho + hidden + j);
            dnPre.mul(r).intoArray(dHH, dhho + 2 * hidden + j);
            if (dhPrev != null) {
                FloatVector.fromArray(S, dhPrev, dpo + j).add(g.mul(z)).intoArray(dhPrev, dpo + j);
            }
        }
        for (; j < hidden; j++) {
            ScalarCells.gruBackwardAt(hidden, dh, dho, hPrev, po, save, so, dX, dxo, dHH, dhho, dhPrev, dpo, j);
        }
    }

    @Override
    public void lstm(int hidden, float[] x, int xo, float[] hh, int hho, float[] cPrev, int cpo, float[] h, int ho,
                     float[] c, int co, float[] save, int so) {
        int iOff = so, fOff = so + hidden, gOff = so + 2 * hidden, oOff = so + 3 * hidden, tcOff = so + 4 * hidden;
        VectorMath.sigmoid(x, xo, hh, hho, save, iOff, 2 * hidden); // i and f
        VectorMath.tanh(x, xo + 2 * hidden, hh, hho + 2 * hidden, save, gOff, hidden); // g
        VectorMath.sigmoid(x, xo + 3 * hidden, hh, hho + 3 * hidden, save, oOff, hidden); // o
        int j = 0;
        for (int bound = S.loopBound(hidden); j < bound; j += L) { // c = f ⊙ c_prev + i ⊙ g
            FloatVector.fromArray(S, save, fOff + j).mul(FloatVector.fromArray(S, cPrev, cpo + j))
                    .add(FloatVector.fromArray(S, save, iOff + j).mul(FloatVector.fromArray(S, save, gOff + j)))
                    .intoArray(c, co + j);
        }
        for (; j < hidden; j++) {
            c[co + j] = save[fOff + j] * cPrev[cpo + j] + save[iOff + j] * save[gOff + j];
        }
        VectorMath.tanh(c, co, null, 0, save, tcOff, hidden);
        j = 0;
        for (int bound = S.loopBound(hidden); j < bound; j += L) { // h = o ⊙ tanh(c)
            FloatVector.fromArray(S, save, oOff + j).mul(FloatVector.fromArray(S, save, tcOff + j)).intoArray(h, ho + j);
        }
        for (; j < hidden; j++) {
            h[ho + j] = save[oOff + j] * save[tcOff + j];
        }
    }

    @Override
    public void lstmBackward(int hidden, float[] dh, int dho, float[] dc, int dco, float[] cPrev, int cpo,
                             float[] save, int so, float[] dPre, int dpo, float[] dcPrev, int dcpo) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        FloatVector zero = FloatVector.zero(S);
        int j = 0;
        for (int bound = S.loopBound(hidden); j < bound; j += L) {
            FloatVector i = FloatVector.fromArray(S, save, so + j);
            FloatVector f = FloatVector.fromArray(S, save, so + hidden + j);
            FloatVector g = FloatVector.fromArray(S, save, so + 2 * hidden + j);
            FloatVector o = FloatVector.fromArray(S, save, so + 3 * hidden + j);
            FloatVector tc = FloatVector.fromArray(S, save, so + 4 * hidden + j);
            FloatVector gh = dh == null ? zero : FloatVector.fromArray(S, dh, dho + j);
            FloatVector dcIn = dc == null ? zero : FloatVector.fromArray(S, dc, dco + j);
            FloatVector dcTotal = dcIn.add(gh.mul(o).mul(one.sub(tc.mul(tc))));
            dcTotal.mul(g).mul(i).mul(one.sub(i)).intoArray(dPre, dpo + j);
            dcTotal.mul(FloatVector.fromArray(S, cPrev, cpo + j)).mul(f).mul(one.sub(f)).intoArray(dPre, dpo + hidden + j);
            dcTotal.mul(i).mul(one.sub(g.mul(g))).intoArray(dPre, dpo + 2 * hidden + j);
            gh.mul(tc).mul(o).mul(one.sub(o)).intoArray(dPre, dpo + 3 * hidden + j);
            if (dcPrev != null) {
                FloatVector.fromArray(S, dcPrev, dcpo + j).add(dcTotal.mul(f)).intoArray(dcPrev, dcpo + j);
            }
        }
        for (; j < hidden; j++) {
            ScalarCells.lstmBackwardAt(hidden, dh, dho, dc, dco, cPrev, cpo, save, so, dPre, dpo, dcPrev, dcpo, j);
        }
    }
}
