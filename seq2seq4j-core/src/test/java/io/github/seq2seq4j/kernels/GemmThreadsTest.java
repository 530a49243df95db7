package io.github.seq2seq4j.kernels;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reproducibility: the same product on 1, 2, 3 and 5 threads gives identical bits, for shapes
 * split by columns (wide C), by rows (tall C) and with uneven panels.
 */
class GemmThreadsTest {
    private final int defaultThreads = Parallel.threads();

    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(defaultThreads);
    }

    @ParameterizedTest(name = "{0}{1} m={2} n={3} k={4}")
    @CsvSource({
        "false, true, 64, 768, 512",
        "false, false, 65, 770, 129",
        "true, false, 1000, 40, 300",
        "true, true, 301, 130, 257",
        "false, true, 7, 4100, 200",
    })
    void bitIdenticalForAnyThreadCount(boolean transA, boolean transB, int m, int n, int k) {
        // large enough that GemmSplit gives at least 2 tasks
        assertTrue((long) m * n * k >= 2 * GemmSplit.MIN_FMAS_PER_TASK);
        GemmProblem pr = new GemmProblem(transA, transB, m, n, k, true, m * 31L + n);
        GemmKernel[] kernels = KernelSelection.vectorAvailable()
                ? new GemmKernel[] {new BlockedGemm(), KernelSelection.instantiate("VectorGemm", GemmKernel.class)}
                : new GemmKernel[] {new BlockedGemm()};
        for (GemmKernel kernel : kernels) {
            Parallel.setThreads(1);
            float[] single = pr.run(kernel);
            GemmTest.assertProduct(pr, single, kernel.name());
            for (int threads : new int[] {2, 3, 5}) {
                Parallel.setThreads(threads);
                GemmTest.assertBitsEqual(single, pr.run(kernel), kernel.name() + " " + pr + " on " + threads + " threads");
            }
        }
    }
}
