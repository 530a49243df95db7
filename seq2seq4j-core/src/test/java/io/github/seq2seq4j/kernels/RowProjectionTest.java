package io.github.seq2seq4j.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One row through RowProjection gives exactly Gemm's bits (the same FMA chain per output). */
class RowProjectionTest {
    private static float[] random(long seed, int n) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (rnd.nextDouble() * 2 - 1);
        }
        return a;
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "7, 5", "8, 33", "9, 17", "17, 64", "33, 130", "384, 128"})
    void sameBitsAsGemmWithOneRow(int n, int k) {
        int ldw = k + 3, xo = 2, wo = 5, yo = 1;
        float[] x = random(n, xo + k), w = random(k, wo + n * ldw), y0 = random(n + k, yo + n + 2);
        for (boolean accumulate : new boolean[] {false, true}) {
            float[] mine = y0.clone(), gemm = y0.clone();
            RowProjection.project(n, k, x, xo, w, wo, ldw, mine, yo, accumulate);
            Gemm.gemm(false, true, 1, n, k, x, xo, k, w, wo, ldw, gemm, yo, n, accumulate);
            assertArrayEquals(gemm, mine, "n=" + n + " k=" + k + " accumulate=" + accumulate);
        }
    }
}
