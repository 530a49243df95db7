package io.github.seq2seq4j.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A product with B packed once ({@link Gemm#pack}) gives the bits of the ordinary product, for
 * every kernel, transpose flag, odd and block-crossing size, one row (the matrix-vector loop), tiles
 * with a lone last row, and any thread count; and a packed matrix is a snapshot that can be refilled.
 */
class PackedGemmTest {
    private final int defaultThreads = Parallel.threads();

    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(defaultThreads);
    }

    static Stream<GemmProblem> problems() {
        List<GemmProblem> cases = new ArrayList<>();
        GemmTest.oddSizes().forEach(cases::add);
        GemmTest.blockCrossing().forEach(cases::add);
        // one row: the matrix-vector path, with whole groups of four panels, single panels and a partial one
        int[][] rows = {{1, 1, 1}, {1, 16, 7}, {1, 64, 33}, {1, 100, 130}, {1, 384, 128}, {1, 40, 300}, {1, 8000, 64},
            {1, 77, 513}, {2, 77, 513}, {5, 384, 320}};
        long seed = 5000;
        for (int[] s : rows) {
            for (int flags = 0; flags < 8; flags++) {
                cases.add(new GemmProblem((flags & 1) != 0, (flags & 2) != 0, s[0], s[1], s[2], (flags & 4) != 0,
                        seed++));
            }
        }
        // a lone last row after whole tiles (5 rows: beam 5): the matrix-vector loop over each group of
        // four panels after its tiles; n with whole groups, partial groups and a partial panel, k
        // crossing depth blocks
        for (int[] s : LONE_ROW_SHAPES) {
            for (int flags = 0; flags < 8; flags++) {
                cases.add(new GemmProblem((flags & 1) != 0, (flags & 2) != 0, s[0], s[1], s[2], (flags & 4) != 0,
                        seed++));
            }
        }
        return cases.stream();
    }

    /** m % 4 == 1 and m &gt; 1: the tiles of m - 1 rows and one matrix-vector row over the same panels. */
    private static final int[][] LONE_ROW_SHAPES = {{5, 200, 300}, {9, 120, 600}, {13, 72, 300}, {5, 64, 600},
        {9, 8, 37}, {13, 1000, 257}, {5, 8000, 64}, {9, 48, 513}};

    private static List<GemmKernel> kernels() {
        List<GemmKernel> list = new ArrayList<>(List.of(new BlockedGemm()));
        if (KernelSelection.vectorAvailable()) {
            list.add(KernelSelection.instantiate("VectorGemm", GemmKernel.class));
        }
        return list;
    }

    private static float[] runPacked(GemmKernel kernel, GemmProblem pr) {
        float[] bp = new float[kernel.packedSize(pr.k, pr.n)];
        kernel.pack(pr.transB, pr.k, pr.n, pr.b, pr.bOff, pr.ldb, bp);
        float[] c = pr.cInit.clone();
        kernel.gemmPacked(pr.transA, pr.m, pr.n, pr.k, pr.a, pr.aOff, pr.lda, bp, c, pr.cOff, pr.ldc, pr.accumulate);
        return c;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void packedGivesTheBitsOfTheOrdinaryProduct(GemmProblem pr) {
        float[] blocked = pr.run(new BlockedGemm());
        for (GemmKernel kernel : kernels()) {
            float[] c = runPacked(kernel, pr);
            GemmTest.assertProduct(pr, c, kernel.name() + " packed");
            GemmTest.assertBitsEqual(blocked, c, pr + ": java-blocked vs " + kernel.name() + " packed");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void facadeMatchesTheOrdinaryFacadeProduct(GemmProblem pr) {
        PackedMatrix packed = Gemm.pack(pr.transB, pr.k, pr.n, pr.b, pr.bOff, pr.ldb, null);
        float[] c = pr.cInit.clone();
        Gemm.gemm(pr.transA, pr.m, pr.a, pr.aOff, pr.lda, packed, c, pr.cOff, pr.ldc, pr.accumulate);
        GemmTest.assertProduct(pr, c, Gemm.implementation() + " packed");
        if (!Gemm.implementation().startsWith("reference")) {
            GemmTest.assertBitsEqual(pr.runFacade(), c, pr + ": facade vs facade packed");
        }
    }

    @Test
    void bitIdenticalForAnyThreadCount() {
        int[][] shapes = {{64, 768, 512}, {1, 8000, 512}, {65, 770, 129}, {1000, 40, 300}, {7, 4100, 200}};
        for (int[] s : shapes) {
            for (int flags = 0; flags < 4; flags++) {
                GemmProblem pr = new GemmProblem((flags & 1) != 0, (flags & 2) != 0, s[0], s[1], s[2], true,
                        s[0] * 31L + s[1] + flags);
                for (GemmKernel kernel : kernels()) {
                    Parallel.setThreads(1);
                    float[] single = pr.run(kernel);
                    for (int threads : new int[] {1, 2, 3, 5}) {
                        Parallel.setThreads(threads);
                        GemmTest.assertBitsEqual(single, runPacked(kernel, pr),
                                kernel.name() + " " + pr + " packed on " + threads + " threads");
                    }
                }
            }
        }
    }

    /**
     * A lone last row on several threads: split by columns (task ranges not on a group of four
     * panels) and by rows (the last task is a tile and a lone row starting at row 8).
     */
    @Test
    void loneLastRowBitIdenticalForAnyThreadCount() {
        int[][] shapes = {{5, 1000, 600}, {9, 770, 320}, {13, 8, 25000}, {5, 8000, 64}};
        for (int[] s : shapes) {
            assertTrue(GemmSplit.taskCount(s[0], s[1], s[2], 4, 16, 2) == 2,
                    "no split for " + Arrays.toString(s));
            for (int flags = 0; flags < 8; flags++) {
                GemmProblem pr = new GemmProblem((flags & 1) != 0, (flags & 2) != 0, s[0], s[1], s[2],
                        (flags & 4) != 0, s[0] * 31L + s[1] + flags);
                Parallel.setThreads(1);
                float[] blocked = pr.run(new BlockedGemm());
                for (GemmKernel kernel : kernels()) {
                    Parallel.setThreads(1);
                    float[] single = pr.run(kernel);
                    GemmTest.assertBitsEqual(blocked, single, pr + ": java-blocked vs " + kernel.name());
                    for (int threads : new int[] {1, 2, 3, 5}) {
                        Parallel.setThreads(threads);
                        GemmTest.assertBitsEqual(single, runPacked(kernel, pr),
                                kernel.name() + " " + pr + " packed on " + threads + " threads");
                    }
                }
            }
        }
    }

    @Test
    void packedMatrixIsASnapshotAndCanBeRefilled() {
        float[] w = {1, 2, 3, 4, 5, 6}; // [2,3]
        PackedMatrix p = Gemm.pack(true, 3, 2, w, 0, 3, null); // op(B) = Wᵀ [3,2]
        w[0] = 100;
        float[] x = {1, 1, 1};
        float[] y = new float[2];
        Gemm.gemm(false, 1, x, 0, 3, p, y, 0, 2, false);
        assertEquals(6f, y[0]);
        assertEquals(15f, y[1]);
        assertSame(p, Gemm.pack(false, 2, 3, w, 0, 3, p)); // op(B) = W [2,3], same storage object
        assertEquals(2, p.depth());
        assertEquals(3, p.columns());
        float[] z = new float[3];
        Gemm.gemm(false, 1, new float[] {1, 1}, 0, 2, p, z, 0, 3, false);
        assertEquals(104f, z[0]);
        assertEquals(7f, z[1]);
        assertEquals(9f, z[2]);
    }

    @Test
    void rejectsInconsistentArguments() {
        PackedMatrix p = Gemm.pack(false, 3, 2, new float[6], 0, 2, null);
        assertThrows(IllegalArgumentException.class, () -> Gemm.pack(false, 3, 2, new float[5], 0, 2, null));
        assertThrows(IllegalArgumentException.class,
                () -> Gemm.gemm(false, 2, new float[5], 0, 3, p, new float[4], 0, 2, false)); // A too short
        assertThrows(IllegalArgumentException.class,
                () -> Gemm.gemm(false, 2, new float[6], 0, 3, p, new float[3], 0, 2, false)); // C too short
    }

    @Test
    void zeroDepthOverwritesOrKeepsC() {
        PackedMatrix p = Gemm.pack(false, 0, 2, new float[0], 0, 2, null);
        float[] c = {1f, 2f};
        Gemm.gemm(false, 1, new float[0], 0, 1, p, c, 0, 2, true);
        GemmTest.assertBitsEqual(new float[] {1f, 2f}, c, "k = 0, accumulate");
        Gemm.gemm(false, 1, new float[0], 0, 1, p, c, 0, 2, false);
        GemmTest.assertBitsEqual(new float[2], c, "k = 0, overwrite");
    }

    @Test
    void vectorKernelAvailableWhenExpected() {
        assumeTrue(System.getProperty(KernelSelection.PROPERTY) == null && KernelSelection.vectorAvailable());
        assertEquals(true, Gemm.implementation().startsWith("vector-"));
    }
}
