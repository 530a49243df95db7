package io.github.seq2seq4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.seq2seq4j.InputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** G2P scoring by the CMUdict README's convention: words, not lines; closest pronunciation. */
class PerTest {
    private static final List<String> SOURCES = List.of("t o m a t o", "t o m a t o", "c a t", "a a a");
    private static final List<String> TARGETS = List.of(
            "T AH M EY T OW", "T AH M AA T OW", "K AE T", "T R IH P AH L EY");

    @Test
    void groupsLinesBySourceInOrder() {
        Map<String, List<String>> groups = Per.groupBySource(SOURCES, TARGETS);
        assertEquals(List.of("t o m a t o", "c a t", "a a a"), new ArrayList<>(groups.keySet()));
        assertEquals(List.of("T AH M EY T OW", "T AH M AA T OW"), groups.get("t o m a t o"));
    }

    @Test
    void wordErrorRateAndPhonemeErrorRate() {
        Map<String, List<String>> groups = Per.groupBySource(SOURCES, TARGETS);
        List<List<String>> refs = new ArrayList<>(groups.values());
        // tomato matches its second pronunciation; cat has one substitution; aaa one deletion
        List<String> hyps = List.of("T AH M AA T OW", "K AH T", "T R IH P AH L");
        G2pScore s = new Per().corpusScore(hyps, refs);
        assertEquals(3, s.words());
        assertEquals(2, s.wordErrors());
        assertEquals(2, s.phonemeEdits());
        assertEquals(6 + 3 + 7, s.referencePhonemes());
        assertEquals(200.0 / 3, s.wer(), 1e-12);
        assertEquals(200.0 / 16, s.per(), 1e-12);
        assertEquals(200.0 / 16, new Per().score(hyps, refs), 1e-12);
        assertEquals("WER = 66.67 PER = 12.50 (words = 3)", s.format());
    }

    @Test
    void equallyClosePronunciationsChargeTheShortest() {
        // for hypothesis "A B C", "A B C D" and "A B" are both at distance 1; PER charges the
        // shorter, dividing by 2 rather than 4
        G2pScore s = new Per().corpusScore(List.of("A B C"), List.of(List.of("A B C D", "A B")));
        assertEquals(1, s.phonemeEdits());
        assertEquals(2, s.referencePhonemes());
        // and the order of the pronunciations does not matter
        assertEquals(s, new Per().corpusScore(List.of("A B C"), List.of(List.of("A B", "A B C D"))));
    }

    @Test
    void wordErrorRateIsHundredMinusAccuracy() {
        Random rng = new Random(3);
        String[] phones = {"AA", "B", "K", "T"};
        List<String> hyps = new ArrayList<>();
        List<List<String>> refs = new ArrayList<>();
        for (int w = 0; w < 200; w++) {
            List<String> set = new ArrayList<>();
            for (int r = 0, n = 1 + rng.nextInt(3); r < n; r++) {
                set.add(randomWord(rng, phones));
            }
            refs.add(set);
            hyps.add(rng.nextBoolean() ? set.get(rng.nextInt(set.size())) : randomWord(rng, phones));
        }
        G2pScore s = new Per().corpusScore(hyps, refs);
        assertEquals(100.0 - new Accuracy().score(hyps, refs), s.wer(), 1e-9);
    }

    private static String randomWord(Random rng, String[] phones) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0, n = 1 + rng.nextInt(3); i < n; i++) {
            sb.append(i > 0 ? " " : "").append(phones[rng.nextInt(phones.length)]);
        }
        return sb.toString();
    }

    @Test
    void badInputIsReported() {
        assertThrows(InputException.class, () -> Per.groupBySource(List.of("a"), List.of()));
        InputException e = assertThrows(InputException.class,
                () -> new Per().corpusScore(List.of("A"), List.of(List.of())));
        assertEquals("word 1 has no reference pronunciation", e.getMessage());
    }
}
