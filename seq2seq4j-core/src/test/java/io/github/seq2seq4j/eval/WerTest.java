package io.github.seq2seq4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.seq2seq4j.InputException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * WER and CER. The single-reference cases are those of mjpost/sacrebleu test/test_wer.py at
 * commit 5ff6cace16691ef15287501467373aeba26ae9e5 (tolerance 1e-3 there, 1e-9 here: the expected
 * values are exact fractions).
 */
class WerTest {
    static Stream<Arguments> sacreBleuCases() {
        return Stream.of(
                Arguments.of("aaaa bbbb cccc dddd", "aaaa bbbb cccc dddd", 0.0), // perfect match
                Arguments.of("dddd eeee ffff", "aaaa bbbb cccc", 1.0), // no overlap, same length
                Arguments.of("", "a", 1.0), // empty hypothesis
                Arguments.of("a", "", 1.0), // empty reference
                Arguments.of("", "", 0.0), // both empty: defined as 0
                Arguments.of("the cat sat on the mat", "the cat sat on a mat", 1.0 / 6), // substitution
                Arguments.of("a b c d", "a b d", 1.0 / 3)); // insertion
    }

    @ParameterizedTest
    @MethodSource("sacreBleuCases")
    void sacreBleuWer(String hyp, String ref, double expected) {
        assertEquals(100 * expected, new Wer().corpusScore(List.of(hyp), List.of(List.of(ref))).score(), 1e-9);
    }

    @Test
    void caseSensitiveByDefaultLowercaseOnRequest() {
        List<String> hyp = List.of("The cat sat.");
        List<List<String>> ref = List.of(List.of("the cat sat."));
        assertEquals(100.0 / 3, new Wer().corpusScore(hyp, ref).score(), 1e-9);
        assertEquals(0.0, new Wer().withLowercase(true).corpusScore(hyp, ref).score());
    }

    @Test
    void corpusRateIsTotalEditsOverTotalReferenceWords() {
        ErrorRate r = new Wer().corpusScore(List.of("a b c", "x"), List.of(List.of("a b d"), List.of("x y z w")));
        assertEquals(4, r.edits());
        assertEquals(7, r.referenceLength());
        assertEquals(100.0 * 4 / 7, r.score(), 1e-12);
        assertEquals("WER = 57.14", r.format());
    }

    @Test
    void severalReferencesChargeTheClosest() {
        // distances 2 (len 2), 1 (len 4), 1 (len 2): the shortest of the closest is charged
        ErrorRate r = new Wer().sentenceScore("a b c", List.of("x y", "a b c d", "a b"));
        assertEquals(1, r.edits());
        assertEquals(2, r.referenceLength());
        ClosestReference c = ClosestReference.of(new int[] {1, 2, 3},
                new int[][] {{9, 8}, {1, 2, 3, 4}, {1, 2}});
        assertEquals(new ClosestReference(2, 1, 2), c);
        // equal distance and length: the first
        assertEquals(0, ClosestReference.of(new int[] {1}, new int[][] {{2}, {3}}).index());
    }

    @Test
    void identicalCorpusHasZeroWer() {
        List<String> lines = List.of("one two three", "four", "", "five six");
        List<List<String>> refs = lines.stream().map(List::of).toList();
        assertEquals(0.0, new Wer().score(lines, refs));
        assertEquals(0.0, new Cer().score(lines, refs));
    }

    @Test
    void cerCountsCodePointsWithNormalisedSpaces() {
        Cer cer = new Cer();
        // "kitten" -> "sitting": 3 edits over 7 reference characters
        assertEquals(100.0 * 3 / 7, cer.sentenceScore("kitten", List.of("sitting")).score(), 1e-12);
        // layout whitespace does not count, the single space between words does
        assertEquals(0.0, cer.sentenceScore("  a   b ", List.of("a b")).score());
        ErrorRate r = cer.sentenceScore("ab", List.of("a b"));
        assertEquals(1, r.edits());
        assertEquals(3, r.referenceLength());
        assertEquals(0.0, cer.withLowercase(true).sentenceScore("ABC", List.of("abc")).score());
    }

    @Test
    void badInputIsReported() {
        InputException sizes = assertThrows(InputException.class,
                () -> new Wer().corpusScore(List.of("a", "b"), List.of(List.of("a"))));
        assertEquals("2 hypotheses but 1 reference sets; need one set per hypothesis", sizes.getMessage());
        InputException none = assertThrows(InputException.class,
                () -> new Wer().corpusScore(List.of("a"), List.of(List.of())));
        assertEquals("segment 1 has no reference", none.getMessage());
    }
}
