package io.github.seq2seq4j.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.seq2seq4j.kernels.PackedMatrix;
import io.github.seq2seq4j.ops.MatMul;
import io.github.seq2seq4j.tensor.Arena;
import io.github.seq2seq4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** When WeightPacks packs, what it keeps across cycles, and that a graph never uses a stale pack. */
class WeightPacksTest {
    @Test
    void packsOnTheSecondUseAndUntilInvalidated() {
        WeightPacks packs = new WeightPacks();
        Tensor w = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertNull(packs.transposed(w, 1), "one product: not worth packing yet");
        var p = packs.transposed(w, 1);
        assertNotNull(p);
        assertEquals(3, p.depth());
        assertEquals(2, p.columns());
        assertSame(p, packs.transposed(w, 1));
        assertEquals(1, packs.packedCount());
        assertNotNull(packs.plain(w, 5), "a loop over 5 steps packs at once");
        assertEquals(2, packs.packedCount());
        packs.invalidate();
        assertEquals(0, packs.packedCount());
        assertNull(packs.transposed(w, 1), "a new cycle starts counting again");
        assertSame(p, packs.transposed(w, 1), "the storage of a weight used in the last cycle is reused");
    }

    /**
     * Data-parallel training resets its first graph twice per step (the trainer, then the step):
     * a cycle with no requests must not forget the weights, or each step packs into new storage
     * (36 MB a step for the M benchmark model at two threads).
     */
    @Test
    void anEmptyCycleKeepsTheStorage() {
        WeightPacks packs = new WeightPacks();
        Tensor w = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        packs.transposed(w, 2);
        PackedMatrix p = packs.transposed(w, 1);
        assertNotNull(p);
        packs.invalidate();
        packs.invalidate(); // an empty cycle
        assertNull(packs.transposed(w, 1));
        assertSame(p, packs.transposed(w, 1), "the storage outlives an empty cycle");
        packs.invalidate();
        packs.invalidate();
        packs.invalidate(); // a cycle without w after one with it...
        packs.transposed(Tensor.zeros(3, 3), 2);
        packs.invalidate(); // ...and a cycle that used only another weight: now w is forgotten
        packs.transposed(w, 2);
        assertNotSame(p, packs.transposed(w, 1), "a weight not used in a non-empty cycle is forgotten");
    }

    @Test
    void disabledPacksNothing() {
        WeightPacks none = WeightPacks.none();
        Tensor w = Tensor.zeros(4, 4);
        for (int i = 0; i < 3; i++) {
            assertNull(none.transposed(w, 10));
            assertNull(none.plain(w, 10));
        }
    }

    @Test
    void aGraphResetSeesChangedWeights() {
        Tensor w = Tensor.of(new float[] {1, 2, 3, 4}, 2, 2);
        Tensor x = Tensor.of(new float[] {1, 1}, 1, 2);
        Graph g = Graph.of(false, new Arena());
        for (int i = 0; i < 3; i++) {
            assertEquals(3f, MatMul.linear(g, x, w, null).at(0)); // the third product uses the packed W
        }
        assertEquals(1, g.packs().packedCount());
        w.data()[0] = 10; // an optimizer step between two batches
        g.reset();
        for (int i = 0; i < 3; i++) {
            assertEquals(12f, MatMul.linear(g, x, w, null).at(0));
        }
    }
}
