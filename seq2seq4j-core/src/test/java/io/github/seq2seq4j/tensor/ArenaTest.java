package io.github.seq2seq4j.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The arena's tensors do not overlap within a cycle, and varying cycles settle on fixed memory. */
class ArenaTest {
    @BeforeEach
    void emptyThePool() { // other tests' released arenas must not feed these ones
        while (ChunkPool.take(0) != null) {
            // drained
        }
    }

    private static List<Tensor> cycle(Arena a, int... sizes) {
        List<Tensor> out = new ArrayList<>();
        for (int n : sizes) {
            Tensor t = a.zeros(n);
            for (int i = 0; i < n; i++) {
                assertEquals(0f, t.at(i));
            }
            t.fill(out.size() + 1f);
            out.add(t);
        }
        return out;
    }

    @Test
    void tensorsOfACycleDoNotOverlap() {
        Arena a = new Arena();
        List<Tensor> ts = cycle(a, 5, 1 << 20, 17, 3 << 19, 1);
        for (int k = 0; k < ts.size(); k++) {
            Tensor t = ts.get(k);
            for (int i = 0; i < t.size(); i += 997) {
                assertEquals(k + 1f, t.at(i), "tensor " + k + " element " + i);
            }
        }
    }

    @Test
    void cyclesOfVaryingShapesSettleOnFixedMemory() {
        Arena a = new Arena();
        int[][] shapes = {{700_000, 900_000, 1_300_000, 10}, {1_300_000, 10, 900_000, 700_000}, {100, 2_000_000}};
        for (int[] s : shapes) { // each shape once: the chunks grow to hold them all
            cycle(a, s);
            a.reset();
        }
        long settled = a.capacity();
        assertTrue(settled >= 2_000_100, "room for the largest cycle: " + settled);
        for (int round = 0; round < 5; round++) { // the same or smaller cycles in any order: no growth
            for (int k = shapes.length - 1; k >= 0; k--) {
                cycle(a, shapes[k]);
                a.reset();
            }
            cycle(a, 1_000_000, 1_000_000, 16, 1);
            a.reset();
            assertEquals(settled, a.capacity());
        }
    }

    @Test
    void growingKeepsEveryChunkInUse() {
        Arena a = new Arena();
        cycle(a, 1 << 20, 1 << 20, 1 << 20); // three chunks
        a.reset();
        long before = a.capacity();
        cycle(a, 1 << 20, 1 << 20, 1 << 20, 1 << 20); // one more: the three are kept, one is added
        a.reset();
        assertEquals(before + (1 << 20), a.capacity(), "a grown arena holds its old chunks and one new one");
    }

    @Test
    void aTensorGoesIntoTheFirstChunkWithRoomLeavingNoHoleBehindIt() {
        Arena a = new Arena();
        Tensor big = a.uninitialized(900_000); // chunk 0, about 148K floats left
        Tensor large = a.uninitialized(500_000); // no room in chunk 0: chunk 1
        Tensor small = a.uninitialized(100_000); // back in chunk 0's remainder
        assertTrue(big.data() == small.data(), "the small tensor fills the first chunk's remainder");
        assertTrue(big.data() != large.data(), "the large one went to a new chunk");
        assertEquals(2L << 20, a.capacity());
        assertEquals(1_500_000, a.used());
    }

    @Test
    void aReleasedArenasChunksServeTheArenasThatGrowLater() {
        Arena training = new Arena();
        Tensor small = training.uninitialized(1000);
        Tensor big = training.uninitialized(3_000_000); // a chunk of its own, an eighth roomier
        training.release();
        assertEquals((1 << 20) + 3_375_000, ChunkPool.floats());

        Arena decoding = new Arena();
        Tensor a = decoding.uninitialized(2_000_000); // only the big chunk holds it
        assertSame(big.data(), a.data());
        Arena other = new Arena();
        Tensor b = other.uninitialized(10); // the smallest chunk that holds it
        assertSame(small.data(), b.data());
        assertNotSame(a.data(), b.data());
        assertEquals(0, ChunkPool.floats(), "each chunk went to one arena");
        Tensor c = other.uninitialized(5_000_000); // nothing pooled holds it: a new chunk
        assertNotSame(big.data(), c.data());
        assertNull(ChunkPool.take(0));
    }
}
