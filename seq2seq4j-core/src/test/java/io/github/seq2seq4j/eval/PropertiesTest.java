package io.github.seq2seq4j.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Properties of BLEU and chrF that hold on any corpus. */
class PropertiesTest {
    private static final String[] WORDS = {"the", "cat", "sat", "on", "mat", "a", "dog", "bit", "man", ",", ".",
        "It's", "3.5", "naïve", "über", "«x»", "e-mail", "don't", "(so)", "\u4E2D\u6587"};

    private static String sentence(Random rng, int maxWords) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0, n = rng.nextInt(maxWords + 1); i < n; i++) {
            sb.append(i > 0 ? " " : "").append(WORDS[rng.nextInt(WORDS.length)]);
        }
        return sb.toString();
    }

    private static List<String> corpus(Random rng, int size) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            out.add(sentence(rng, 12));
        }
        out.set(0, "the cat sat on the mat ."); // at least one segment with 4-grams
        return out;
    }

    private static List<List<String>> single(List<String> refs) {
        List<List<String>> out = new ArrayList<>();
        for (String r : refs) {
            out.add(List.of(r.isEmpty() ? "x" : r));
        }
        return out;
    }

    @Test
    void bleuOfTheReferenceItselfIsHundred() {
        Random rng = new Random(1);
        for (BleuTokenizer tok : BleuTokenizer.values()) {
            for (Smoothing sm : Smoothing.values()) {
                List<String> refs = corpus(rng, 30);
                List<List<String>> sets = single(refs);
                List<String> hyps = sets.stream().map(s -> s.get(0)).toList();
                Bleu bleu = new Bleu().withTokenizer(tok).withSmoothing(sm);
                assertEquals(100.0, bleu.corpusScore(hyps, sets).score(), 1e-9, tok + " " + sm);
            }
        }
        assertEquals(100.0, Bleu.sentenceBleu("a b", List.of("a b")).score(), 1e-9);
    }

    @Test
    void emptyHypothesesScoreZero() {
        Random rng = new Random(2);
        List<List<String>> refs = single(corpus(rng, 10));
        List<String> empty = Collections.nCopies(10, "");
        assertEquals(0.0, new Bleu().corpusScore(empty, refs).score());
        assertEquals(0.0, Bleu.sentenceBleu("", List.of("a b c")).score());
        assertEquals(0.0, new ChrF().corpusScore(empty, refs).score());
        assertEquals(0.0, ChrF.plusPlus().corpusScore(empty, refs).score());
    }

    @Test
    void corpusStatisticsAreSumsOfSegmentStatistics() {
        Random rng = new Random(3);
        List<String> hyps = corpus(rng, 40);
        List<List<String>> refs = new ArrayList<>();
        for (int i = 0; i < hyps.size(); i++) {
            refs.add(List.of(sentence(rng, 12) + " z", sentence(rng, 12) + " y"));
        }
        Bleu bleu = new Bleu();
        BleuStats sum = BleuStats.zero(4);
        ChrF chrf = ChrF.plusPlus();
        long[] chrfSum = new long[3 * chrf.order()];
        for (int i = 0; i < hyps.size(); i++) {
            sum = sum.plus(bleu.segmentStats(hyps.get(i), refs.get(i)));
            long[] s = chrf.segmentStats(hyps.get(i), refs.get(i));
            for (int k = 0; k < s.length; k++) {
                chrfSum[k] += s[k];
            }
        }
        assertEquals(sum, bleu.corpusStats(hyps, refs));
        assertEquals(bleu.score(sum).score(), bleu.corpusScore(hyps, refs).score());
        assertArrayEquals(chrfSum, chrf.corpusStats(hyps, refs));

        // and the order of segments does not matter
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < hyps.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, rng);
        List<String> h2 = order.stream().map(hyps::get).toList();
        List<List<String>> r2 = order.stream().map(refs::get).toList();
        assertEquals(bleu.corpusScore(hyps, refs).score(), bleu.corpusScore(h2, r2).score(), 1e-12);
    }

    @Test
    void moreReferencesNeverLowerMatchesAndDuplicatesChangeNothing() {
        Random rng = new Random(4);
        List<String> hyps = corpus(rng, 30);
        List<List<String>> one = new ArrayList<>();
        List<List<String>> twice = new ArrayList<>();
        List<List<String>> two = new ArrayList<>();
        for (int i = 0; i < hyps.size(); i++) {
            String a = sentence(rng, 12) + " q";
            String b = sentence(rng, 12) + " r";
            one.add(List.of(a));
            twice.add(List.of(a, a));
            two.add(List.of(a, b));
        }
        Bleu bleu = new Bleu();
        assertEquals(bleu.corpusStats(hyps, one), bleu.corpusStats(hyps, twice));
        long[] c1 = bleu.corpusStats(hyps, one).correct();
        long[] c2 = bleu.corpusStats(hyps, two).correct();
        for (int n = 0; n < c1.length; n++) {
            assertTrue(c2[n] >= c1[n]);
        }
        assertEquals(new ChrF().corpusScore(hyps, one).score(), new ChrF().corpusScore(hyps, twice).score());
    }

    @Test
    void chrFOfTheReferenceItselfIsHundred() {
        Random rng = new Random(5);
        List<List<String>> refs = single(corpus(rng, 20));
        List<String> hyps = refs.stream().map(s -> s.get(0)).toList();
        assertEquals(100.0, new ChrF().corpusScore(hyps, refs).score(), 1e-9);
        assertEquals(100.0, ChrF.plusPlus().corpusScore(hyps, refs).score(), 1e-9);
        assertEquals(100.0, new ChrF().withEpsSmoothing(true).sentenceScore("abcdefgh", List.of("abcdefgh")).score(), 1e-9);
    }
}
