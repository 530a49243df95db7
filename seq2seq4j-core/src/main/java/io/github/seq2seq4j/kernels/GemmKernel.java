package io.github.seq2seq4j.kernels;

/** One implementation of the {@link Gemm#gemm} contract; the facade holds exactly one of these. */
interface GemmKernel {
    /** Same contract as {@link Gemm#gemm}; the facade has checked the arguments, and m, n, k ≥ 1. */
    void gemm(boolean transA, boolean transB, int m, int n, int k,
              float[] a, int aOff, int lda,
              float[] b, int bOff, int ldb,
              float[] c, int cOff, int ldc, boolean accumulate);

    /** A short description for logs and benchmark reports. */
    String name();

    /** Identifies the packed layout, so a matrix packed by another kernel is rejected. */
    int packedLayout();

    /** Floats that op(B) [k,n] takes when packed by {@link #pack}. */
    int packedSize(int k, int n);

    /** Copies op(B) [k,n] into dst in this kernel's packed layout; k, n ≥ 1. */
    void pack(boolean transB, int k, int n, float[] b, int bOff, int ldb, float[] dst);

    /** {@link #gemm} with op(B) taken from {@link #pack}'s output: the same bits; m, n, k ≥ 1. */
    void gemmPacked(boolean transA, int m, int n, int k, float[] a, int aOff, int lda, float[] bp,
                    float[] c, int cOff, int ldc, boolean accumulate);
}
