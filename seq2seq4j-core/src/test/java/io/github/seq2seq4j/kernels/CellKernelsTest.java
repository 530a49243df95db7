package io.github.seq2seq4j.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The vector cell kernels equal the scalar ones bit for bit on odd hidden sizes (vector bodies
 * and scalar tails), with pre-activations wide enough to reach every branch of tanh and sigmoid;
 * and the scalar GRU and LSTM agree with the textbook equations in double within 1e-6.
 */
class CellKernelsTest {
    private static float[] random(long seed, int n, double scale) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) ((rnd.nextDouble() * 2 - 1) * scale);
        }
        return a;
    }

    private static CellKernel vector() {
        assumeTrue(KernelSelection.vectorAvailable(), "needs --add-modules jdk.incubator.vector");
        return KernelSelection.instantiate("VectorCells", CellKernel.class);
    }

    private static final int OFF = 3; // odd offsets: the kernels must not assume alignment

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 8, 17, 33, 64})
    void rnnForwardAndBackwardMatchBitForBit(int h) {
        CellKernel v = vector();
        CellKernel s = new ScalarCells();
        for (boolean relu : new boolean[] {false, true}) {
            float[] x = random(h, OFF + h, 4), hh = random(h + 1, OFF + h, 4), dh = random(h + 2, OFF + h, 1);
            float[] hv = new float[OFF + h], hs = new float[OFF + h];
            v.rnn(relu, h, x, OFF, hh, OFF, hv, OFF);
            s.rnn(relu, h, x, OFF, hh, OFF, hs, OFF);
            assertArrayEquals(hs, hv);
            float[] dv = new float[OFF + h], ds = new float[OFF + h];
            v.rnnBackward(relu, h, hs, OFF, dh, OFF, dv, OFF);
            s.rnnBackward(relu, h, hs, OFF, dh, OFF, ds, OFF);
            assertArrayEquals(ds, dv);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 8, 17, 33, 64})
    void tanhMatchesBitForBitAndInPlace(int n) {
        CellKernel v = vector();
        CellKernel s = new ScalarCells();
        float[] x = random(n + 5, OFF + n, 12); // |x| up to 12: the saturated range too
        float[] yv = new float[OFF + n], ys = new float[OFF + n];
        v.tanh(n, x, OFF, yv, OFF);
        s.tanh(n, x, OFF, ys, OFF);
        assertArrayEquals(ys, yv);
        for (int j = 0; j < n; j++) {
            assertEquals(Math.tanh(x[OFF + j]), ys[OFF + j], 3e-7 * Math.abs(Math.tanh(x[OFF + j])) + 1e-30);
        }
        v.tanh(n, x, OFF, x, OFF); // y = x in place
        assertArrayEquals(Arrays.copyOfRange(yv, OFF, OFF + n), Arrays.copyOfRange(x, OFF, OFF + n));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 8, 17, 33, 64})
    void gruMatchesBitForBit(int h) {
        CellKernel v = vector();
        CellKernel s = new ScalarCells();
        float[] x = random(h, OFF + 3 * h, 6), hh = random(h + 1, OFF + 3 * h, 6), hp = random(h + 2, OFF + h, 1);
        float[] hv = new float[OFF + h], hs = new float[OFF + h];
        float[] sv = new float[OFF + 4 * h], ss = new float[OFF + 4 * h];
        v.gru(h, x, OFF, hh, OFF, hp, OFF, hv, OFF, sv, OFF);
        s.gru(h, x, OFF, hh, OFF, hp, OFF, hs, OFF, ss, OFF);
        assertArrayEquals(hs, hv);
        assertArrayEquals(ss, sv);
        float[] dh = random(h + 3, OFF + h, 1);
        float[][] out = new float[6][];
        for (int k = 0; k < 2; k++) {
            CellKernel kern = k == 0 ? s : v;
            float[] dX = new float[OFF + 3 * h], dHH = new float[OFF + 3 * h], dhp = random(9, OFF + h, 1);
            kern.gruBackward(h, dh, OFF, hp, OFF, ss, OFF, dX, OFF, dHH, OFF, dhp, OFF);
            out[3 * k] = dX;
            out[3 * k + 1] = dHH;
            out[3 * k + 2] = dhp;
        }
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(out[i], out[3 + i]);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 8, 17, 33, 64})
    void lstmMatchesBitForBit(int h) {
        CellKernel v = vector();
        CellKernel s = new ScalarCells();
        float[] x = random(h, OFF + 4 * h, 6), hh = random(h + 1, OFF + 4 * h, 6), cp = random(h + 2, OFF + h, 3);
        float[][] res = new float[2][];
        float[][] saves = new float[2][];
        for (int k = 0; k < 2; k++) {
            float[] hOut = new float[OFF + h], c = new float[OFF + h], save = new float[OFF + 5 * h];
            (k == 0 ? s : v).lstm(h, x, OFF, hh, OFF, cp, OFF, hOut, OFF, c, OFF, save, OFF);
            res[k] = concat(hOut, c);
            saves[k] = save;
        }
        assertArrayEquals(res[0], res[1]);
        assertArrayEquals(saves[0], saves[1]);
        float[] dh = random(h + 3, OFF + h, 1), dc = random(h + 4, OFF + h, 1);
        for (boolean withDh : new boolean[] {true, false}) {
            float[][] grads = new float[2][];
            for (int k = 0; k < 2; k++) {
                float[] dPre = new float[OFF + 4 * h], dcp = random(11, OFF + h, 1);
                (k == 0 ? s : v).lstmBackward(h, withDh ? dh : null, OFF, dc, OFF, cp, OFF, saves[0], OFF, dPre, OFF, dcp, OFF);
                grads[k] = concat(dPre, dcp);
            }
            assertArrayEquals(grads[0], grads[1]);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 40})
    void scalarGruAndLstmFollowTheEquations(int h) {
        float[] x = random(h, 4 * h, 3), hh = random(h + 1, 4 * h, 3), prev = random(h + 2, h, 1);
        float[] out = new float[h], save = new float[5 * h], c = new float[h];
        new ScalarCells().gru(h, x, 0, hh, 0, prev, 0, out, 0, save, 0);
        for (int j = 0; j < h; j++) {
            double r = sig(x[j] + hh[j]), z = sig(x[h + j] + hh[h + j]);
            double n = Math.tanh(x[2 * h + j] + r * hh[2 * h + j]);
            assertEquals((1 - z) * n + z * prev[j], out[j], 1e-6);
        }
        new ScalarCells().lstm(h, x, 0, hh, 0, prev, 0, out, 0, c, 0, save, 0);
        for (int j = 0; j < h; j++) {
            double i = sig(x[j] + hh[j]), f = sig(x[h + j] + hh[h + j]);
            double g = Math.tanh(x[2 * h + j] + hh[2 * h + j]), o = sig(x[3 * h + j] + hh[3 * h + j]);
            double cv = f * prev[j] + i * g;
            assertEquals(cv, c[j], 1e-6);
            assertEquals(o * Math.tanh(cv), out[j], 1e-6);
        }
    }

    private static double sig(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    private static float[] concat(float[] a, float[] b) {
        float[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
