package io.github.seq2seq4j.kernels;

/**
 * Run in a child JVM by {@link KernelSelectionTest}: exercises the facades and prints which
 * implementations were chosen and whether the results were right.
 */
public final class SelectionProbe {
    private SelectionProbe() {}

    public static void main(String[] args) {
        GemmProblem pr = new GemmProblem(false, true, 9, 20, 33, true, 42);
        float[] fast = pr.runFacade();
        float[] ref = pr.cInit.clone();
        ScalarGemm.gemm(pr.transA, pr.transB, pr.m, pr.n, pr.k, pr.a, pr.aOff, pr.lda, pr.b, pr.bOff, pr.ldb,
                ref, pr.cOff, pr.ldc, pr.accumulate);
        boolean ok = true;
        for (int i = 0; i < pr.m; i++) {
            for (int j = 0; j < pr.n; j++) {
                ok &= Math.abs(fast[pr.cIndex(i, j)] - ref[pr.cIndex(i, j)]) <= 1e-4f;
            }
        }
        float[] x = {1f, 2f, 3f};
        ok &= Blas1.dot(x, 0, x, 0, 3) == 14f;
        System.out.println("gemm=" + Gemm.implementation());
        System.out.println("blas1=" + Blas1.implementation());
        System.out.println("vectorModule=" + KernelSelection.vectorAvailable());
        System.out.println(ok ? "results=ok" : "results=WRONG");
    }
}
