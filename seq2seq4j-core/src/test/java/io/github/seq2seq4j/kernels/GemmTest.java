package io.github.seq2seq4j.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The fast GEMMs against the definition, in every transpose combination, on sizes that are not
 * multiples of any tile or block (1, 2, 7, 17, 33, 65, 130) and on sizes that cross the cache
 * blocks (m > MC = 144, k > KC = 256 or 512, n > NC = 4032 or 2016: the 256- and 512-bit blocks),
 * and on the few-rows deep x·Wᵀ shapes that
 * VectorGemm sends to VectorNtGemm.
 *
 * <p>Tolerance: a sum of k products computed in float32 with fused multiply-adds is within
 * (k + 1)·2⁻²⁴·Σ|terms| of the exact sum (the standard bound γ_k for recursive summation), so each
 * element is checked against a double-precision reference with that bound. Any lost or doubled
 * term, wrong index or stale value is off by about Σ|terms|/k, far outside it.
 */
class GemmTest {
    private static final int[] ODD = {1, 2, 7, 17, 33, 65, 130};
    private static final double UNIT_ROUNDOFF = 0x1p-24;

    static Stream<GemmProblem> oddSizes() {
        List<GemmProblem> cases = new ArrayList<>();
        long seed = 1;
        for (int flags = 0; flags < 8; flags++) {
            boolean transA = (flags & 1) != 0;
            boolean transB = (flags & 2) != 0;
            boolean accumulate = (flags & 4) != 0;
            for (int m : ODD) {
                for (int n : ODD) {
                    int k = ODD[(m + n) % ODD.length];
                    cases.add(new GemmProblem(transA, transB, m, n, k, accumulate, seed++));
                }
            }
        }
        return cases.stream();
    }

    static Stream<GemmProblem> blockCrossing() {
        int[][] shapes = {{150, 40, 300}, {290, 33, 513}, {7, 4100, 9}, {150, 4040, 5}, {64, 768, 257},
            {146, 2020, 514}, // all three 512-bit blocks at once
            // few rows and deep: the x·Wᵀ path of VectorGemm, one and two depth blocks
            {1, 1, 193}, {7, 17, 200}, {33, 65, 257}, {128, 33, 192}, {20, 37, 1100}, {65, 7, 1025}};
        List<GemmProblem> cases = new ArrayList<>();
        long seed = 1000;
        for (int[] s : shapes) {
            for (int flags = 0; flags < 8; flags++) {
                cases.add(new GemmProblem((flags & 1) != 0, (flags & 2) != 0, s[0], s[1], s[2], (flags & 4) != 0,
                        seed++));
            }
        }
        return cases.stream();
    }

    static void assertProduct(GemmProblem pr, float[] c, String impl) {
        for (int idx = 0; idx < c.length; idx++) {
            if (!pr.insideC(idx) && !Float.isNaN(c[idx])) {
                fail(impl + " " + pr + ": wrote outside C at index " + idx);
            }
        }
        double bound = (pr.k + 1) * UNIT_ROUNDOFF;
        double[] expected = pr.expected();
        double[] magnitude = pr.magnitude();
        for (int i = 0; i < pr.m; i++) {
            for (int j = 0; j < pr.n; j++) {
                double want = expected[i * pr.n + j];
                double got = c[pr.cIndex(i, j)];
                double tol = bound * magnitude[i * pr.n + j] + Float.MIN_NORMAL;
                if (!(Math.abs(got - want) <= tol)) {
                    fail(impl + " " + pr + ": C[" + i + "," + j + "] = " + got + ", expected " + want + " ± " + tol);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"oddSizes", "blockCrossing"})
    void blockedMatchesDefinition(GemmProblem pr) {
        assertProduct(pr, pr.run(new BlockedGemm()), "java-blocked");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"oddSizes", "blockCrossing"})
    void vectorMatchesDefinitionAndBlockedBitForBit(GemmProblem pr) {
        assumeTrue(KernelSelection.vectorAvailable(), "needs --add-modules jdk.incubator.vector");
        float[] blocked = pr.run(new BlockedGemm());
        // VectorGemm sends x·Wᵀ with few rows to VectorNtGemm; VectorPackedGemm takes every case itself
        for (String name : new String[] {"VectorGemm", "VectorPackedGemm"}) {
            float[] c = pr.run(KernelSelection.instantiate(name, GemmKernel.class));
            assertProduct(pr, c, name);
            // all compute each element as one FMA chain in k order (see GemmDriver)
            assertBitsEqual(blocked, c, pr + ": java-blocked vs " + name);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oddSizes")
    void referenceAndFacadeMatchDefinition(GemmProblem pr) {
        float[] c = pr.cInit.clone();
        ScalarGemm.gemm(pr.transA, pr.transB, pr.m, pr.n, pr.k, pr.a, pr.aOff, pr.lda, pr.b, pr.bOff, pr.ldb,
                c, pr.cOff, pr.ldc, pr.accumulate);
        assertProduct(pr, c, "reference");
        assertProduct(pr, pr.runFacade(), Gemm.implementation());
    }

    @Test
    void facadeUsesVectorKernelWhenModuleIsPresent() {
        assumeTrue(System.getProperty(KernelSelection.PROPERTY) == null);
        assertEquals(KernelSelection.vectorAvailable(), Gemm.implementation().startsWith("vector-"),
                Gemm.implementation());
    }

    @Test
    void fewRowsDeepTransposedBShapesReachTheNtPath() {
        assumeTrue(KernelSelection.vectorAvailable(), "needs --add-modules jdk.incubator.vector");
        long viaNt = blockCrossing().filter(pr -> VectorGemm.usesNtPath(pr.transB, pr.m, pr.k)).count();
        assertTrue(viaNt >= 24, "only " + viaNt + " cases exercise VectorNtGemm");
        assertTrue(VectorGemm.usesNtPath(true, 64, 512));
        assertTrue(!VectorGemm.usesNtPath(false, 64, 512) && !VectorGemm.usesNtPath(true, 1280, 256));
    }

    @Test
    void zeroDepthOverwritesOrKeepsC() {
        float[] c = {1f, 2f, 3f, 4f};
        Gemm.gemm(false, false, 2, 2, 0, new float[0], 0, 1, new float[0], 0, 2, c, 0, 2, true);
        assertBitsEqual(new float[] {1f, 2f, 3f, 4f}, c, "k = 0, accumulate");
        Gemm.gemm(false, false, 2, 2, 0, new float[0], 0, 1, new float[0], 0, 2, c, 0, 2, false);
        assertBitsEqual(new float[4], c, "k = 0, overwrite");
    }

    @Test
    void rejectsInconsistentArguments() {
        float[] a = new float[6];
        float[] b = new float[6];
        float[] c = new float[4];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Gemm.gemm(false, false, 2, 2, 3, a, 0, 2, b, 0, 2, c, 0, 2, false));
        assertTrue(e.getMessage().contains("lda=2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Gemm.gemm(false, true, 2, 2, 3, a, 0, 3, b, 1, 3, c, 0, 2, false));
        assertTrue(e.getMessage().contains("stored B [2,3]"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Gemm.gemm(false, false, 2, 2, 3, a, 0, 3, b, 0, 2, c, 1, 2, false));
        assertThrows(IllegalArgumentException.class,
                () -> Gemm.gemm(false, false, -1, 2, 3, a, 0, 3, b, 0, 2, c, 0, 2, false));
    }

    static void assertBitsEqual(float[] want, float[] got, String what) {
        assertEquals(want.length, got.length, what);
        for (int i = 0; i < want.length; i++) {
            if (Float.floatToRawIntBits(want[i]) != Float.floatToRawIntBits(got[i])) {
                fail(what + ": differs at index " + i + ": " + want[i] + " vs " + got[i]);
            }
        }
    }
}
