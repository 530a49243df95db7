package io.github.seq2seq4j.kernels;

/**
 * General matrix multiply on row-major float arrays with leading dimensions, BLAS style:
 *
 * <pre>
 *   C[m,n] (+)= op(A)[m,k] · op(B)[k,n]
 *   op(A) = A, stored [m, lda≥k]      or Aᵀ, A stored [k, lda≥m]   (transA)
 *   op(B) = B, stored [k, ldb≥n]      or Bᵀ, B stored [n, ldb≥k]   (transB)
 * </pre>
 *
 * With {@code accumulate} the product is added to C, otherwise C is overwritten.
 * This is the single entry point every layer uses; the implementation is chosen once at start-up.
 */
public final class Gemm {
    private Gemm() {}

    public static void gemm(boolean transA, boolean transB, int m, int n, int k,
                            float[] a, int aOff, int lda,
                            float[] b, int bOff, int ldb,
                            float[] c, int cOff, int ldc, boolean accumulate) {
        ScalarGemm.gemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate);
    }
}
