package io.github.seq2seq4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.seq2seq4j.InputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccuracyTest {
    @Test
    void matchesAnyReferenceIgnoringSpacing() {
        assertTrue(Accuracy.matchesAny("a  b", List.of("x", "a b")));
        assertFalse(Accuracy.matchesAny("a b", List.of("A B", "a b c")));
        assertTrue(Accuracy.matchesAny("", List.of("  ")));
    }

    @Test
    void percentOfHypothesesWithAMatch() {
        Accuracy.Result r = new Accuracy().corpusScore(List.of("a", "b", "c", "d"),
                List.of(List.of("a"), List.of("x", "b"), List.of("y"), List.of("D")));
        assertEquals(new Accuracy.Result(2, 4), r);
        assertEquals(50.0, r.score());
        assertEquals(0.0, new Accuracy().score(List.of(), List.of()));
    }

    @Test
    void perplexityIsExpOfMeanNll() {
        assertEquals(1.0, Perplexity.fromMeanNll(0.0));
        assertEquals(10.0, Perplexity.fromMeanNll(Math.log(10)), 1e-12);
        assertEquals(4.0, Perplexity.fromTotalNll(10 * Math.log(4), 10), 1e-12);
        assertThrows(InputException.class, () -> Perplexity.fromMeanNll(Double.NaN));
        assertThrows(InputException.class, () -> Perplexity.fromMeanNll(-0.5));
        assertThrows(InputException.class, () -> Perplexity.fromTotalNll(1.0, 0));
    }
}
