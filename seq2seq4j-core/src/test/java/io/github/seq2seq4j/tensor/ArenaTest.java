package io.github.seq2seq4j.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The arena's tensors do not overlap within a cycle, and varying cycles settle on fixed memory. */
class ArenaTest {
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
    void cyclesThatSpillSettleOnOneChunk() {
        Arena a = new Arena();
        cycle(a, 700_000, 900_000, 1_300_000, 10); // needs several chunks
        a.reset();
        long settled = a.capacity();
        assertTrue(settled >= 700_000 + 900_000 + 1_300_000, "one chunk for the whole cycle: " + settled);
        for (int round = 0; round < 5; round++) { // the same or smaller cycles in other orders: no growth
            cycle(a, 1_300_000, 10, 900_000, 700_000);
            a.reset();
            cycle(a, 100, 2_000_000);
            a.reset();
            assertEquals(settled, a.capacity());
        }
    }
}
