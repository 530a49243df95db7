package io.github.seq2seq4j.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API cell kernels: the operations of {@link ScalarCells} lane by lane (with
 * {@link VectorMath}'s functions), then the scalar per-element methods for the tail, so results
 * are identical bit for bit. Loaded only when jdk.incubator.vector is present.
 */
final class VectorCells implements CellKernel {
    private static final VectorSpecies<Float> S = VectorMath.SPECIES;
    private static final int L = S.length();

    private static FloatVector at(float[] a, int i) {
        return FloatVector.fromArray(S, a, i);
    }

    @Override
    public void rnn(boolean relu, int hidden, float[] x, int xo, float[] hh, int hho, float[] h, int ho) {
        int j = 0;
        for (int bound = S.loopBound(hidden); j < bound; j += L) {
            FloatVector a = at(x, xo + j).add(at(hh, hho + j));
            (relu ? a.max(0f) : VectorMath.tanh(a)).intoArray(h, ho + j);
        }
        for (; j < hidden; j++) {
            ScalarCells.rnnAt(relu, x, xo, hh, hho, h, ho, j);
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
        int j = 0;
        for (int bound = S.loopBound(hidden); j < bound; j += L) {
            FloatVector y = at(h, ho + j);
            FloatVector d = FloatVector.broadcast(S, 1f).sub(y.mul(y));
            at(dh, dho + j).mul(d).intoArray(dPre, dpo + j);
        }
        for (; j < hidden; j++) {
            ScalarCells.rnnBackwardAt(false, h, ho, dh, dho, dPre, dpo, j);
        }
    }

    @Override
    public void gru(int hidden, float[] x, int xo, float[] hh, int hho, float[] hPrev, int po, float[] h, int ho,
                    float[] save, int so) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        int j = 0;
        for (int bound = S.loopBound(hidden); j < bound; j += L) {
            FloatVector r = VectorMath.sigmoid(at(x, xo + j).add(at(hh, hho + j)));
            FloatVector z = VectorMath.sigmoid(at(x, xo + hidden + j).add(at(hh, hho + hidden + j)));
            FloatVector hn = at(hh, hho + 2 * hidden + j);
            FloatVector n = VectorMath.tanh(at(x, xo + 2 * hidden + j).add(r.mul(hn)));
            one.sub(z).mul(n).add(z.mul(at(hPrev, po + j))).intoArray(h, ho + j);
            r.intoArray(save, so + j);
            z.intoArray(save, so + hidden + j);
            n.intoArray(save, so + 2 * hidden + j);
            hn.intoArray(save, so + 3 * hidden + j);
        }
        for (; j < hidden; j++) {
            ScalarCells.gruAt(hidden, x, xo, hh, hho, hPrev, po, h, ho, save, so, j);
        }
    }

    @Override
    public void gruBackward(int hidden, float[] dh, int dho, float[] hPrev, int po, float[] save, int so,
                            float[] dX, int dxo, float[] dHH, int dhho, float[] dhPrev, int dpo) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        int j = 0;
        for (int bound = S.loopBound(hidden); j < bound; j += L) {
            FloatVector g = at(dh, dho + j);
            FloatVector r = at(save, so + j);
            FloatVector z = at(save, so + hidden + j);
            FloatVector n = at(save, so + 2 * hidden + j);
            FloatVector hn = at(save, so + 3 * hidden + j);
            FloatVector dnPre = g.mul(one.sub(z)).mul(one.sub(n.mul(n)));
            FloatVector dzPre = g.mul(at(hPrev, po + j).sub(n)).mul(z).mul(one.sub(z));
            FloatVector drPre = dnPre.mul(hn).mul(r).mul(one.sub(r));
            drPre.intoArray(dX, dxo + j);
            dzPre.intoArray(dX, dxo + hidden + j);
            dnPre.intoArray(dX, dxo + 2 * hidden + j);
            drPre.intoArray(dHH, dhho + j);
            dzPre.intoArray(dHH, dhho + hidden + j);
            dnPre.mul(r).intoArray(dHH, dhho + 2 * hidden + j);
            if (dhPrev != null) {
                at(dhPrev, dpo + j).add(g.mul(z)).intoArray(dhPrev, dpo + j);
            }
        }
        for (; j < hidden; j++) {
            ScalarCells.gruBackwardAt(hidden, dh, dho, hPrev, po, save, so, dX, dxo, dHH, dhho, dhPrev, dpo, j);
        }
    }

    @Override
    public void lstm(int hidden, float[] x, int xo, float[] hh, int hho, float[] cPrev, int cpo, float[] h, int ho,
                     float[] c, int co, float[] save, int so) {
        int j = 0;
        for (int bound = S.loopBound(hidden); j < bound; j += L) {
            FloatVector i = VectorMath.sigmoid(at(x, xo + j).add(at(hh, hho + j)));
            FloatVector f = VectorMath.sigmoid(at(x, xo + hidden + j).add(at(hh, hho + hidden + j)));
            FloatVector g = VectorMath.tanh(at(x, xo + 2 * hidden + j).add(at(hh, hho + 2 * hidden + j)));
            FloatVector o = VectorMath.sigmoid(at(x, xo + 3 * hidden + j).add(at(hh, hho + 3 * hidden + j)));
            FloatVector cv = f.mul(at(cPrev, cpo + j)).add(i.mul(g));
            FloatVector tc = VectorMath.tanh(cv);
            cv.intoArray(c, co + j);
            o.mul(tc).intoArray(h, ho + j);
            i.intoArray(save, so + j);
            f.intoArray(save, so + hidden + j);
            g.intoArray(save, so + 2 * hidden + j);
            o.intoArray(save, so + 3 * hidden + j);
            tc.intoArray(save, so + 4 * hidden + j);
        }
        for (; j < hidden; j++) {
            ScalarCells.lstmAt(hidden, x, xo, hh, hho, cPrev, cpo, h, ho, c, co, save, so, j);
        }
    }

    @Override
    public void lstmBackward(int hidden, float[] dh, int dho, float[] dc, int dco, float[] cPrev, int cpo,
                             float[] save, int so, float[] dPre, int dpo, float[] dcPrev, int dcpo) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        FloatVector zero = FloatVector.zero(S);
        int j = 0;
        for (int bound = S.loopBound(hidden); j < bound; j += L) {
            FloatVector i = at(save, so + j);
            FloatVector f = at(save, so + hidden + j);
            FloatVector g = at(save, so + 2 * hidden + j);
            FloatVector o = at(save, so + 3 * hidden + j);
            FloatVector tc = at(save, so + 4 * hidden + j);
            FloatVector gh = dh == null ? zero : at(dh, dho + j);
            FloatVector dcIn = dc == null ? zero : at(dc, dco + j);
            FloatVector dcTotal = dcIn.add(gh.mul(o).mul(one.sub(tc.mul(tc))));
            dcTotal.mul(g).mul(i).mul(one.sub(i)).intoArray(dPre, dpo + j);
            dcTotal.mul(at(cPrev, cpo + j)).mul(f).mul(one.sub(f)).intoArray(dPre, dpo + hidden + j);
            dcTotal.mul(i).mul(one.sub(g.mul(g))).intoArray(dPre, dpo + 2 * hidden + j);
            gh.mul(tc).mul(o).mul(one.sub(o)).intoArray(dPre, dpo + 3 * hidden + j);
            if (dcPrev != null) {
                at(dcPrev, dcpo + j).add(dcTotal.mul(f)).intoArray(dcPrev, dcpo + j);
            }
        }
        for (; j < hidden; j++) {
            ScalarCells.lstmBackwardAt(hidden, dh, dho, dc, dco, cPrev, cpo, save, so, dPre, dpo, dcPrev, dcpo, j);
        }
    }
}
