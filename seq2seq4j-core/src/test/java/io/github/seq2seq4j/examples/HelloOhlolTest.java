package io.github.seq2seq4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.seq2seq4j.examples.HelloOhlol.Result;
import org.junit.jupiter.api.Test;

/** The character cell learns "hello" → "ohlol" with the fixed seed. */
class HelloOhlolTest {
    @Test
    void learnsOhlolWithinFifteenEpochs() {
        Result r = HelloOhlol.train(HelloOhlol.SEED, HelloOhlol.EPOCHS);
        assertEquals(HelloOhlol.EPOCHS, r.epochs().size());
        int solved = r.firstSolvedEpoch();
        assertTrue(solved >= 1 && solved <= 15, "first epoch predicting ohlol: " + solved);
        assertEquals("ohlol", r.last().predicted());
    }

    @Test
    void lossDecreases() {
        Result r = HelloOhlol.train(HelloOhlol.SEED, HelloOhlol.EPOCHS);
        float first = r.epochs().get(0).loss();
        float last = r.last().loss();
        assertTrue(Float.isFinite(first) && Float.isFinite(last));
        assertTrue(last < 0.5f * first, "loss " + first + " -> " + last);
        // Cross-entropy of 5 steps starts near 5·ln 4 ≈ 6.9 for small logits.
        assertTrue(first > 5f, "initial loss " + first);
    }

    @Test
    void sameSeedSameRun() {
        Result a = HelloOhlol.train(3, 4);
        Result b = HelloOhlol.train(3, 4);
        assertEquals(a, b);
    }
}
