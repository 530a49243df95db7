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
        if (trivial(m, n, k, c, cOff, ldc, accumulate)) {
            return;
        }
        KERNEL.gemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate);
    }

    /**
     * Handles the empty products: nothing when m or n is 0; with k = 0 the product is zero, so C
     * is cleared unless accumulating. Returns whether there is nothing left to compute.
     */
    private static boolean trivial(int m, int n, int k, float[] c, int cOff, int ldc, boolean accumulate) {
        if (m == 0 || n == 0) {
            return true;
        }
        if (k == 0) {
            if (!accumulate) {
                for (int i = 0; i < m; i++) {
                    Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, 0f);
                }
            }
            return true;
        }
        return false;
    }

    /**
     * Packs op(B) [k,n] (B stored [k, ldb≥n], or [n, ldb≥k] with transB) for repeated products
     * with {@link #gemm(boolean, int, float[], int, int, PackedMatrix, float[], int, int, boolean)},
     * into {@code into}'s storage (grown when too small) or a new matrix when {@code into} is null.
     */
    public static PackedMatrix pack(boolean transB, int k, int n, float[] b, int bOff, int ldb, PackedMatrix into) {
        if (k < 0 || n < 0) {
            throw new IllegalArgumentException("pack: negative size k=" + k + " n=" + n);
        }
        GemmArgs.matrixB(transB, k, n, b, bOff, ldb);
        PackedMatrix p = into == null ? new PackedMatrix() : into;
        int size = k == 0 || n == 0 ? 0 : KERNEL.packedSize(k, n);
        if (p.data.length < size) {
            p.data = new float[size];
        }
        p.depth = k;
        p.columns = n;
        p.layout = KERNEL.packedLayout();
        if (size > 0) {
            KERNEL.pack(transB, k, n, b, bOff, ldb, p.data);
        }
        return p;
    }

    /**
     * C[m,n] (+)= op(A)[m,k] · B with B packed by {@link #pack}: the same bits as {@link #gemm} with
     * B's original operand, without copying B again. One row (m = 1) runs as a matrix-vector product.
     */
    public static void gemm(boolean transA, int m, float[] a, int aOff, int lda, PackedMatrix b,
                            float[] c, int cOff, int ldc, boolean accumulate) {
        int n = b.columns;
        int k = b.depth;
        if (b.layout != KERNEL.packedLayout()) {
            throw new IllegalArgumentException("gemm: matrix packed for another kernel (" + b.layout + ")");
        }
        if (m < 0) {
            throw new IllegalArgumentException("gemm: negative size m=" + m);
        }
        GemmArgs.matrixA(transA, m, k, a, aOff, lda);
        GemmArgs.matrixC(m, n, c, cOff, ldc);
        if (trivial(m, n, k, c, cOff, ldc, accumulate)) {
            return;
        }
        KERNEL.gemmPacked(transA, m, n, k, a, aOff, lda, b.data, c, cOff, ldc, accumulate);
    }

    /** The active implementation, e.g. {@code "vector-512 (8x32 tile) + x·Wᵀ 8x32 tile"}, for logs and benchmarks. */
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

        @Override
        public int packedLayout() {
            return 0;
        }

        @Override
        public int packedSize(int k, int n) {
            return k * n;
        }

        /** The reference's packed form is op(B) itself, row-major [k,n]. */
        @Override
        public void pack(boolean transB, int k, int n, float[] b, int bOff, int ldb, float[] dst) {
            for (int p = 0; p < k; p++) {
                for (int j = 0; j < n; j++) {
                    dst[p * n + j] = transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
                }
            }
        }

        @Override
        public void gemmPacked(boolean transA, int m, int n, int k, float[] a, int aOff, int lda, float[] bp,
                               float[] c, int cOff, int ldc, boolean accumulate) {
            ScalarGemm.gemm(transA, false, m, n, k, a, aOff, lda, bp, 0, n, c, cOff, ldc, accumulate);
        }
    }
}
