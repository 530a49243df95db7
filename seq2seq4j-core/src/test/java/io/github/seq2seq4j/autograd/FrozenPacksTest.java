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
    void anInputTableRowIsTheProjectionOfThatEmbeddingRow() {
        FrozenPacks frozen = new FrozenPacks();
        Tensor emb = random(13, 29, 4); // [V, in]
        Tensor w = random(37, 29, 5);   // [out, in]
        Tensor b = random(1, 37, 6).reshape(37);
        float[] table = frozen.inputTable(emb, w, b);
        assertSame(table, frozen.inputTable(emb, w, b), "computed once");
        assertEquals(1, frozen.tableCount());
        assertEquals(13 * 37, table.length);
        for (int v : new int[] {0, 1, 7, 12}) { // one row alone, as a single sentence's token projects
            float[] want = b.toArray();
            Gemm.gemm(false, true, 1, 37, 29, emb.data(), v * 29, 29, w.data(), 0, 29, want, 0, 37, true);
            for (int j = 0; j < 37; j++) {
                assertEquals(Float.floatToRawIntBits(want[j]), Float.floatToRawIntBits(table[v * 37 + j]),
                        "token " + v + ", column " + j);
            }
        }
        for (Tensor changed : new Tensor[] {emb, w, b}) {
            for (int i = 0; i < changed.size(); i++) {
                changed.data()[i] += 1e-3f;
            }
            assertThrows(IllegalStateException.class, () -> frozen.inputTable(emb, w, b));
            for (int i = 0; i < changed.size(); i++) {
                changed.data()[i] -= 1e-3f;
            }
        }
        Tensor wide = random(1024, 1, 7);
        int overLimit = (int) (FrozenPacks.TABLE_LIMIT / 1024 + 1); // 16,385 rows of 1024 by default
        assertNull(frozen.inputTable(random(overLimit, 1, 8), wide, random(1, 1024, 9).reshape(1024)),
                overLimit + " x 1024 floats is over the limit");
    }

    @Test
    void aTableOfTheFirstColumnsContinuedOverTheRestGivesTheWholeProduct() {
        FrozenPacks frozen = new FrozenPacks();
        int e = 11;
        int in = 300; // the tail crosses a depth block of the packed layout
        Tensor emb = random(9, e, 10);
        Tensor w = random(37, in, 11);
        Tensor b = random(1, 37, 12).reshape(37);
        float[] table = frozen.inputTable(emb, w, b);
        PackedMatrix tail = frozen.transposedTail(w, e);
        assertSame(tail, frozen.transposedTail(w, e));
        assertThrows(IllegalArgumentException.class, () -> frozen.transposedTail(w, e + 1));
        for (int rows : new int[] {1, 3, 5}) {
            Tensor rest = random(rows, in - e, 13 + rows);
            int[] ids = new int[rows];
            float[] x = new float[rows * in]; // [E[id]; rest], the concatenated input
            float[] want = new float[rows * 37];
            float[] got = new float[rows * 37];
            for (int r = 0; r < rows; r++) {
                ids[r] = (3 * r + 2) % 9;
                System.arraycopy(emb.data(), ids[r] * e, x, r * in, e);
                System.arraycopy(rest.data(), r * (in - e), x, r * in + e, in - e);
                System.arraycopy(b.data(), 0, want, r * 37, 37);
                System.arraycopy(table, ids[r] * 37, got, r * 37, 37);
            }
            Gemm.gemm(false, true, rows, 37, in, x, 0, in, w.data(), 0, in, want, 0, 37, true);
            Gemm.gemm(false, rows, rest.data(), 0, in - e, tail, got, 0, 37, true);
            for (int i = 0; i < want.length; i++) {
                assertEquals(Float.floatToRawIntBits(want[i]), Float.floatToRawIntBits(got[i]), rows + " rows, at " + i);
            }
        }
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
        Tensor emb = random(5, 3, 5);
        Tensor b = random(1, 9, 6).reshape(9);
        float[] table = again.inputTable(emb, w, b);
        assertSame(frozen.inputTable(emb, w, b), table, "the store's table");
        assertSame(frozen.transposedTail(w, 3), again.transposedTail(w, 3), "the store's tail pack");
        for (int i = 0; i < w.size(); i++) {
            w.data()[i] += 1e-3f; // changed within the cycle: the cycle keeps what it fetched, unchecked...
        }
        assertSame(table, again.inputTable(emb, w, b));
        again.invalidate();
        assertNull(again.inputTable(emb, w, b), "detached: no table");
        again.attach(frozen);
        assertThrows(IllegalStateException.class, () -> again.inputTable(emb, w, b), "...the next cycle's fetch trips");
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
