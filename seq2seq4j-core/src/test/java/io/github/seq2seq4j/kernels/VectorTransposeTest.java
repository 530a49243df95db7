package io.github.seq2seq4j.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The register transpose moves every float of a 16×16 block to its transposed place and touches
 * nothing else, at odd offsets and strides; and a transposed panel packed through it has the bits
 * of the scalar copy for depths with and without a remainder of 16.
 */
class VectorTransposeTest {
    private static void needsVectors() {
        assumeTrue(KernelSelection.vectorAvailable(), "needs --add-modules jdk.incubator.vector");
    }

    @ParameterizedTest
    @CsvSource({"0, 16, 0, 16", "3, 21, 5, 32", "7, 40, 1, 17"})
    void blockTransposesAndWritesOnlyItsBlock(int src, int ldb, int dst, int ldo) {
        needsVectors();
        float[] b = new float[src + 16 * ldb + 16];
        for (int i = 0; i < b.length; i++) {
            b[i] = i + 0.5f;
        }
        float[] out = new float[dst + 16 * ldo + 16];
        java.util.Arrays.fill(out, -1f);
        VectorTranspose.block(b, src, ldb, out, dst, ldo);
        int written = 0;
        for (int i = 0; i < out.length; i++) {
            int q = (i - dst) / ldo, r = (i - dst) % ldo;
            boolean inBlock = i >= dst && q < 16 && r < 16;
            if (inBlock) {
                assertEquals(b[src + r * ldb + q], out[i], "out[" + q + "][" + r + "]");
                written++;
            } else {
                assertEquals(-1f, out[i], "outside the block at " + i);
            }
        }
        assertEquals(256, written);
    }

    @ParameterizedTest
    @CsvSource({"16", "37", "128", "256", "300"})
    void packedTransposedPanelsEqualTheScalarCopy(int k) {
        needsVectors();
        GemmDriver vector = KernelSelection.instantiate("VectorPackedGemm", GemmDriver.class);
        int n = 70; // two full panels of 32 and a partial one (scalar) on 512-bit vectors
        float[] w = new float[n * k]; // [n,k]: the x·Wᵀ operand
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) Math.sin(i);
        }
        for (int j0 = 0; j0 < n; j0 += vector.nr) {
            int cols = Math.min(vector.nr, n - j0);
            int kc = Math.min(k, vector.kc);
            float[] want = new float[kc * vector.nr];
            float[] got = new float[kc * vector.nr];
            GemmPacking.packBPanel(true, w, 0, k, 0, kc, j0, cols, vector.nr, want, 0);
            vector.packBPanel(true, w, 0, k, 0, kc, j0, cols, got, 0);
            assertArrayEquals(want, got, "panel at column " + j0);
        }
    }
}
