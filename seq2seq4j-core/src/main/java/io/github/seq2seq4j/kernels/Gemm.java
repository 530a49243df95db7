package io.github.seq2seq4j.kernels;

import java.util.Arrays;

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
 * This is the single entry point every layer uses; the implementation is chosen once at start-up
 * (see {@link KernelSelection}) and named by {@link #implementation()}.
 *
 * <p>The fast implementations compute each element of C as one chain of fused multiply-adds over
 * k in order, so results do not depend on {@link Parallel#setThreads the thread count}.
 */
public final class Gemm {
    private static final GemmKernel KERNEL = switch (KernelSelection.family()) {
        case "vector" -> KernelSelection.instantiate("VectorGemm", GemmKernel.class);
        case "scalar" -> new BlockedGemm();
        default -> new Reference();
    };

    private Gemm() {}

    public static void gemm(boolean transA, boolean transB, int m, int n, int k,
                            float[] a, int aOff, int lda,
                            float[] b, int bOff, int ldb,
                            float[] c, int cOff, int ldc, boolean accumulate) {
        GemmArgs.check(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            if (!accumulate) {
                for (int i = 0; i < m; i++) {
                    Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, 0f);
                }
            }
            return;
        }
        KERNEL.gemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate);
    }

    /** The active implementation, e.g. {@code "vector-256 (4x16 tile) + x·Wᵀ 4x16 tile"}, for logs and benchmarks. */
    public static String implementation() {
        return KERNEL.name();
    }

    /** {@link ScalarGemm} behind the kernel interface, selected with -Dseq2seq4j.kernels=reference. */
    private static final class Reference implements GemmKernel {
        @Override
        public void gemm(boolean transA, boolean transB, int m, int n, int k,
                         float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                         float[] c, int cOff, int ldc, boolean accumulate) {
            ScalarGemm.gemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate);
        }

        @Override
        public String name() {
            return "reference (plain loops)";
        }
    }
}
