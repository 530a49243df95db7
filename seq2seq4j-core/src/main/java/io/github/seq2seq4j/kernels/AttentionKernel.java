package io.github.seq2seq4j.kernels;

/**
 * Additive (Bahdanau) attention scores of one batch row over its first {@code len} source
 * positions; see {@link AttentionKernels}. Arguments are already checked.
 */
interface AttentionKernel {
    /**
     * scores[s] = Σ_a v[a]·tanh(q[a] + keys[s·att + a]) for s &lt; len; the tanh values go to
     * act[ao + s·att + a] (the backward's input, or a scratch row when att·len floats are given).
     */
    void additive(int att, int len, float[] q, int qo, float[] keys, int ko, float[] v, int vo,
                  float[] scores, int so, float[] act, int ao);

    /**
     * With pre = ds[s]·v ⊙ (1 − act[s]²): adds Σ_s pre into gq, pre into gk[s], Σ_s ds[s]·act[s]
     * into gv; each of gq, gk, gv may be null. Positions with ds[s] = 0 are skipped.
     */
    void additiveBackward(int att, int len, float[] ds, int dso, float[] v, int vo, float[] act, int ao,
                          float[] gq, int gqo, float[] gk, int gko, float[] gv, int gvo);
}
