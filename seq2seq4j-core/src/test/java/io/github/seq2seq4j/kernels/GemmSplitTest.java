package io.github.seq2seq4j.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The thread split covers C exactly once, in whole panels, and leaves small products on one task. */
class GemmSplitTest {

    @ParameterizedTest(name = "m={0} n={1} k={2} threads={3}")
    @CsvSource({
        "64, 768, 512, 1",
        "64, 768, 512, 2",
        "64, 768, 512, 8",
        "1280, 8000, 256, 3",
        "1000, 40, 300, 2",
        "7, 4100, 200, 5",
        "64, 128, 384, 2",
        "64, 128, 64, 2",
        "1, 1, 100000000, 4",
        "1, 1536, 512, 2",
        "3, 1000, 300, 2",
        "6, 16, 1000000, 2",
        "12, 16, 1000000, 2",
        "200, 17, 1000000, 3",
    })
    void coversOutputOnceInWholePanels(int m, int n, int k, int threads) {
        int mr = 6;
        int nr = 16;
        GemmSplit split = GemmSplit.plan(m, n, k, mr, nr, threads);
        long fmas = (long) m * n * k;
        int panels = Math.max((m + mr - 1) / mr, (n + nr - 1) / nr);
        assertTrue(split.tasks() >= 1 && split.tasks() <= threads, "tasks " + split.tasks());
        long min = GemmSplit.minFmasPerTask(m, mr);
        if (fmas < 2 * min) {
            assertEquals(1, split.tasks(), "too small to split");
        } else if (fmas >= threads * min && panels >= threads) {
            assertEquals(threads, split.tasks(), "large enough for every thread");
        }
        int[] covered = new int[m * n];
        for (int t = 0; t < split.tasks(); t++) {
            int r0 = split.rowBegin(t);
            int r1 = split.rowEnd(t);
            int c0 = split.colBegin(t);
            int c1 = split.colEnd(t);
            assertTrue(r0 < r1 && c0 < c1, "task " + t + " is empty");
            assertTrue(r0 % mr == 0 && c0 % nr == 0, "task " + t + " does not start on a panel");
            for (int i = r0; i < r1; i++) {
                for (int j = c0; j < c1; j++) {
                    covered[i * n + j]++;
                }
            }
        }
        for (int x : covered) {
            assertEquals(1, x);
        }
    }
}
