package io.github.seq2seq4j.kernels;

/**
 * The gate arithmetic of one batch row of a recurrent cell, forward and backward; see
 * {@link RnnKernels} for the equations and layouts. Arguments are already checked; offsets point
 * at the row. Implementations: {@link ScalarCells} and {@code VectorCells}, equal bit for bit.
 */
interface CellKernel {
    /** y = tanh x, [n]: the cells' tanh for the layers around them (y may be x). */
    void tanh(int n, float[] x, int xo, float[] y, int yo);

    /** h = act(x + hh), [H]. */
    void rnn(boolean relu, int hidden, float[] x, int xo, float[] hh, int hho, float[] h, int ho);

    /** dPre = dh ⊙ act'(h), [H]. */
    void rnnBackward(boolean relu, int hidden, float[] h, int ho, float[] dh, int dho, float[] dPre, int dpo);

    /** GRU: x, hh [3H]; writes h [H] and save [r, z, n, hh_n] (4H). */
    void gru(int hidden, float[] x, int xo, float[] hh, int hho, float[] hPrev, int po, float[] h, int ho,
             float[] save, int so);

    /** GRU: writes dX, dHH [3H]; adds z ⊙ dh into dhPrev unless it is null. */
    void gruBackward(int hidden, float[] dh, int dho, float[] hPrev, int po, float[] save, int so,
                     float[] dX, int dxo, float[] dHH, int dhho, float[] dhPrev, int dpo);

    /** LSTM: x, hh [4H]; writes h, c [H] and save [i, f, g, o, tanh c] (5H). */
    void lstm(int hidden, float[] x, int xo, float[] hh, int hho, float[] cPrev, int cpo, float[] h, int ho,
              float[] c, int co, float[] save, int so);

    /** LSTM: dh, dc may be null (zero); writes dPre [4H]; adds into dcPrev unless it is null. */
    void lstmBackward(int hidden, float[] dh, int dho, float[] dc, int dco, float[] cPrev, int cpo,
                      float[] save, int so, float[] dPre, int dpo, float[] dcPrev, int dcpo);
}
