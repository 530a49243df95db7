package io.github.seq2seq4j.kernels;

/**
 * The Vector API GEMM: {@link VectorNtGemm} for x·Wᵀ with few rows, {@link VectorPackedGemm} for
 * everything else. Both compute each element the same way, so the choice never changes results.
 */
final class VectorGemm implements GemmKernel {
    /**
     * Up to this many rows of C the transposed-B product avoids packing B: packing W costs n·k
     * scattered stores per call, which only pays off when amortised over many rows.
     */
    static final int NT_MAX_ROWS = 256;

    private final VectorPackedGemm packed = new VectorPackedGemm();
    private final VectorNtGemm nt = new VectorNtGemm();

    @Override
    public String name() {
        return packed.name() + " + x·Wᵀ " + VectorNtGemm.WR + "x" + VectorNtGemm.AR + " tile";
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float[] a, int aOff, int lda,
                     float[] b, int bOff, int ldb,
                     float[] c, int cOff, int ldc, boolean accumulate) {
        if (!transB || m > NT_MAX_ROWS) {
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
