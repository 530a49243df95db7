package io.github.seq2seq4j.kernels;

/**
 * The Vector API GEMM: {@link VectorNtGemm} for x·Wᵀ with few rows, {@link VectorPackedGemm} for
 * everything else. Both compute each element the same way, so the choice never changes results.
 */
final class VectorGemm implements GemmKernel {
    /**
     * x·Wᵀ goes to {@link VectorNtGemm} when C has at most this many rows and the depth is at least
     * {@link #NT_MIN_DEPTH}. Packing W costs about k/m moves per element of C, the transposed
     * write-back of the NT path one move per element and kc block, so the NT path wins for few rows
     * and deep products; measured crossovers (docs/benchmarks.md): at m = 64 between k = 128 and 256,
     * and beyond m = 128 the packed path is as fast or faster.
     */
    static final int NT_MAX_ROWS = 128;
    static final int NT_MIN_DEPTH = 192;

    /** Whether a product with these flags and sizes goes to {@link VectorNtGemm}. */
    static boolean usesNtPath(boolean transB, int m, int k) {
        return transB && m <= NT_MAX_ROWS && k >= NT_MIN_DEPTH;
    }

    private final VectorPackedGemm packed = new VectorPackedGemm();
    private final VectorNtGemm nt = new VectorNtGemm();

    @Override
    public String name() {
        return packed.name() + " + x·Wᵀ " + VectorNtGemm.tileRowsOfW() + "x" + VectorNtGemm.AR + " tile";
    }

    /** A packed B always goes to {@link VectorPackedGemm}: nothing is left to save by reading W in place. */
    @Override
    public int packedLayout() {
        return packed.packedLayout();
    }

    @Override
    public int packedSize(int k, int n) {
        return packed.packedSize(k, n);
    }

    @Override
    public void pack(boolean transB, int k, int n, float[] b, int bOff, int ldb, float[] dst) {
        packed.pack(transB, k, n, b, bOff, ldb, dst);
    }

    @Override
    public void gemmPacked(boolean transA, int m, int n, int k, float[] a, int aOff, int lda, float[] bp,
                           float[] c, int cOff, int ldc, boolean accumulate) {
        packed.gemmPacked(transA, m, n, k, a, aOff, lda, bp, c, cOff, ldc, accumulate);
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float[] a, int aOff, int lda,
                     float[] b, int bOff, int ldb,
                     float[] c, int cOff, int ldc, boolean accumulate) {
        if (!usesNtPath(transB, m, k)) {
            packed.gemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate);
            return;
        }
        int threads = Parallel.threads();
        if (GemmSplit.taskCount(m, n, k, VectorNtGemm.AR, VectorNtGemm.WR, threads) == 1) {
            nt.block(transA, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate, 0, m, 0, n);
            return;
        }
        GemmSplit split = GemmSplit.plan(m, n, k, VectorNtGemm.AR, VectorNtGemm.WR, threads);
        Parallel.run(split.tasks(), t -> nt.block(transA, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate,
                split.rowBegin(t), split.rowEnd(t), split.colBegin(t), split.colEnd(t)));
    }
}
