package io.github.seq2seq4j.kernels;

/** One implementation of the {@link Blas1} vector operations; arguments are already checked. */
interface Blas1Kernel {
    float dot(float[] x, int xOff, float[] y, int yOff, int len);

    void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int len);

    void scale(float alpha, float[] x, int xOff, int len);

    void add(float[] x, int xOff, float[] y, int yOff, float[] out, int outOff, int len);

    /** One Adam step over p[pOff..pOff+len) with gradient g and moments m, v (indexed from 0). */
    void adam(AdamStep s, float[] p, int pOff, float[] g, int gOff, float[] m, float[] v, int len);
}
