package io.github.seq2seq4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SequenceErrorRateTest {
    // CMUdict-like: 4 words, "tomato" with two pronunciations.
    private static final List<String> HYP = List.of("T AH M AA T OW", "K AE T", "D AO G", "B ER D Z");
    private static final List<List<String>> REF = List.of(
            List.of("T AH M EY T OW", "T AH M AA T OW"), List.of("K AE T"), List.of("D AO G"), List.of("B ER D"));

    @Test
    void countsSegmentsMatchingNoReference() {
        assertEquals(25.0, new SequenceErrorRate().score(HYP, REF), 1e-12);
        assertEquals(100.0 - new Accuracy().score(HYP, REF), new SequenceErrorRate().score(HYP, REF), 1e-12);
        assertFalse(new SequenceErrorRate().higherIsBetter());
    }

    @Test
    void werOfSpelledWordsIsTheWordLevelRateNotTheEditDistance() {
        Metric g2p = Metrics.parseList("wer,per", true).get(0);
        Metric text = Metrics.parseList("wer,per", false).get(0);
        assertEquals("wer", g2p.name());
        assertEquals("wer", text.name());
        assertEquals(25.0, g2p.score(HYP, REF), 1e-12);
        // As an edit distance over phonemes: one insertion against 3 + 3 + 3 + 6 reference tokens
        // (the closest tomato reference has 6): 1 / 15.
        assertEquals(100.0 / 15, text.score(HYP, REF), 1e-9);
    }

    @Test
    void recognisesSpelledWords() {
        assertTrue(Metrics.spelledWords(List.of("t o m a t o", "a", "é t é")));
        assertFalse(Metrics.spelledWords(List.of("t o m a t o", "hello world")));
        assertFalse(Metrics.spelledWords(List.of("t  o")));
        assertFalse(Metrics.spelledWords(List.of("t o ")));
        assertFalse(Metrics.spelledWords(List.of(" t")));
        assertFalse(Metrics.spelledWords(List.of("")));
        assertFalse(Metrics.spelledWords(List.of()));
        assertTrue(Metrics.spelledWords(List.of("\uD83D\uDE00 a")), "a code point outside the BMP is one letter");
    }
}
