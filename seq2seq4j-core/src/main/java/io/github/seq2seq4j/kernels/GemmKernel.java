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
}
