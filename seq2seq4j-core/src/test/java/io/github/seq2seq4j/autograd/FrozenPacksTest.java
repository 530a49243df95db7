package io.github.seq2seq4j.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.seq2seq4j.kernels.Gemm;
import io.github.seq2seq4j.kernels.PackedMatrix;
import io.github.seq2seq4j.tensor.Rng;
import io.github.seq2seq4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** FrozenPacks packs each weight once for all runs and threads, and trips over a changed weight. */
class FrozenPacksTest {
    @Test
    void packsOnceAndGivesTheBitsOfTheOrdinaryProduct() {
        FrozenPacks frozen = new FrozenPacks();
        Tensor w = random(37, 29, 1); // [out, in], odd sizes: partial panels
        PackedMatrix p = frozen.transposed(w);
        assertEquals(29, p.depth());
        assertEquals(37, p.columns());
        assertSame(p, frozen.transposed(w), "packed once");
        assertEquals(1, frozen.packedCount());
        for (int m : new int[] {1, 5}) {
            Tensor x = random(m, 29, 2);
            float[] want = new float[m * 37];
            float[] got = new float[m * 37];
            Gemm.gemm(false, true, m, 37, 29, x.data(), 0, 29, w.data(), 0, 29, want, 0, 37, false);
            Gemm.gemm(false, m, x.data(), 0, 29, p, got, 0, 37, false);
            for (int i = 0; i < want.length; i++) {
                assertEquals(Float.floatToRawIntBits(want[i]), Float.floatToRawIntBits(got[i]), "m=" + m + " at " + i);
            }
        }
        assertNotNull(frozen.plain(w));
        assertEquals(2, frozen.packedCount(), "W and Wᵀ are two packs");
    }

    @Test
    void aWeightChangedAfterPackingIsCaught() {
        FrozenPacks frozen = new FrozenPacks();
        Tensor w = random(40, 24, 3);
        frozen.transposed(w);
        for (int i = 0; i < w.size(); i++) {
            w.data()[i] += 1e-3f; // what an optimizer step does: every element moves
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> frozen.transposed(w));
        assertTrue(e.getMessage().contains("changed after it was packed"), e.getMessage());
    }

    @Test
    void weightPacksTakeFrozenPacksUntilTheCycleEnds() {
        FrozenPacks frozen = new FrozenPacks();
        Tensor w = random(9, 7, 4);
        WeightPacks packs = new WeightPacks();
        packs.attach(frozen);
        PackedMatrix p = packs.transposed(w, 1);
        assertSame(frozen.transposed(w), p, "attached: packed on the first request, in the frozen store");
        packs.invalidate();
        assertNull(packs.transposed(w, 1), "invalidate detaches: back to packing per cycle");
        WeightPacks again = new WeightPacks();
        again.attach(frozen);
        assertSame(p, again.transposed(w, 1), "another run gets the same pack");
        assertEquals(1, frozen.packedCount());
        WeightPacks none = WeightPacks.none();
        none.attach(frozen);
        assertNull(none.transposed(w, 1), "packing turned off wins over an attached store");
    }

    @Test
    void manyThreadsShareOnePack() throws Exception {
        FrozenPacks frozen = new FrozenPacks();
        Tensor w = random(300, 200, 5);
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<PackedMatrix>> got = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Callable<PackedMatrix> ask = () -> {
                    start.await();
                    return frozen.transposed(w);
                };
                got.add(pool.submit(ask));
            }
            start.countDown();
            PackedMatrix first = got.get(0).get();
            for (Future<PackedMatrix> f : got) {
                assertSame(first, f.get());
            }
            assertEquals(1, frozen.packedCount());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Tensor random(int rows, int cols, long seed) {
        Tensor t = Tensor.zeros(rows, cols);
        new Rng(seed).uniform(t, -1f, 1f);
        return t;
    }
}
