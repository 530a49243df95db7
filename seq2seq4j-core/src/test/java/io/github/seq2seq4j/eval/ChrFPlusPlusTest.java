package io.github.seq2seq4j.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * chrF++ and multi-reference chrF on cases small enough to count by hand (sacreBLEU's test suite
 * has no chrF++ values).
 */
class ChrFPlusPlusTest {
    @Test
    void punctuationSplitForWordNgrams() {
        assertArrayEquals(new String[] {"(hi", ")", "hello", ",", "'", "quote", ",", "a", "x.y"},
                ChrF.splitPunctuation("(hi) hello, 'quote , a x.y"));
    }

    @Test
    void handCountedChrFPlusPlus() {
        // hyp "a b." -> chars "ab.", words [a, b, .]; ref "a b c." -> chars "abc.", words [a, b, c, .]
        long[] stats = ChrF.plusPlus().segmentStats("a b.", List.of("a b c."));
        assertArrayEquals(new long[] {
            3, 4, 3, // char 1-grams: a b . / a b c .
            2, 3, 1, // char 2-grams: ab b. / ab bc c.
            1, 2, 0, // char 3-grams: ab. / abc bc.
            0, 1, 0, // char 4-grams: none / abc.
            0, 0, 0, // char 5-grams
            0, 0, 0, // char 6-grams
            3, 4, 3, // words: a b . / a b c .
            2, 3, 1, // word bigrams: "a b" "b ." / "a b" "b c" "c ."
        }, stats);
        // effective order 5: P = (1 + 1/2 + 0 + 1 + 1/2) / 5 = 3/5, R = (3/4 + 1/3 + 0 + 3/4 + 1/3) / 5 = 13/30,
        // F2 = 5PR / (4P + R) = 39/85
        ChrFScore s = ChrF.plusPlus().sentenceScore("a b.", List.of("a b c."));
        assertEquals(100.0 * 39 / 85, s.score(), 1e-12);
        assertEquals("chrF2++", s.name());
    }

    @Test
    void hypothesisNgramsCountOnlyWhereTheReferenceHasSome() {
        // the reference has no 3-gram or longer: those orders report (0, 0, 0)
        long[] stats = new ChrF().segmentStats("abcd", List.of("ab"));
        assertArrayEquals(new long[] {4, 2, 2, 3, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, stats);
    }

    @Test
    void eachSentenceKeepsItsBestReference() {
        ChrF chrf = new ChrF();
        assertEquals(100.0, chrf.sentenceScore("abcdef", List.of("uvwxyz", "abcdef")).score(), 1e-12);
        // corpus statistics add the best reference of each sentence
        List<String> hyps = List.of("abc", "xyz");
        List<List<String>> refs = List.of(List.of("abd", "abc"), List.of("xyz", "xya"));
        long[] expected = new long[18];
        long[] s1 = chrf.segmentStats("abc", List.of("abc"));
        long[] s2 = chrf.segmentStats("xyz", List.of("xyz"));
        for (int k = 0; k < 18; k++) {
            expected[k] = s1[k] + s2[k];
        }
        assertArrayEquals(expected, chrf.corpusStats(hyps, refs));
        // "b" and "abaa" give "aaba" different statistics but exactly the same score, 62.5
        // (P 1/4, R 1 over one order; P = R = 5/8 over four orders): the first one's are kept
        long[] vsB = chrf.segmentStats("aaba", List.of("b"));
        long[] vsAbaa = chrf.segmentStats("aaba", List.of("abaa"));
        assertEquals(62.5, chrf.fScore(vsB), 1e-12);
        assertEquals(chrf.fScore(vsB), chrf.fScore(vsAbaa));
        assertArrayEquals(vsB, chrf.segmentStats("aaba", List.of("b", "abaa")));
        assertArrayEquals(vsAbaa, chrf.segmentStats("aaba", List.of("abaa", "b")));
    }

    @Test
    void lowercaseAndNames() {
        assertEquals(100.0, new ChrF().withLowercase(true).sentenceScore("ABC", List.of("abc")).score(), 1e-12);
        assertEquals("chrf", new ChrF().name());
        assertEquals("chrf++", ChrF.plusPlus().name());
        assertEquals("nrefs:1|case:mixed|eff:yes|nc:6|nw:2|space:no", ChrF.plusPlus().signature(1));
    }
}
