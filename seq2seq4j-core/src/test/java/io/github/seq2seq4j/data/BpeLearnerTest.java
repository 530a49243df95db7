package io.github.seq2seq4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BpeLearnerTest {
    private static final String M = BpeTokenizer.WORD_START;

    /** The example of Sennrich et al. (2016): low x5, lower x2, newest x6, widest x3. */
    static BpeLearner sennrich() {
        BpeLearner learner = new BpeLearner();
        for (int i = 0; i < 5; i++) {
            learner.addText("low");
        }
        learner.addText("lower lower");
        for (int i = 0; i < 6; i++) {
            learner.addText("newest");
        }
        learner.addWords(List.of("widest", "widest", "widest"));
        return learner;
    }

    private static List<String> strings(BpeTokenizer bpe) {
        List<String> out = new ArrayList<>();
        for (BpeTokenizer.Merge m : bpe.merges()) {
            out.add(m.left() + " " + m.right());
        }
        return out;
    }

    @Test
    void learnsThePaperExampleWithDocumentedTieBreaks() {
        // worked by hand: ties go to the smaller left symbol in code point order, and U+2581 sorts after letters
        List<String> expected = List.of("e s", "es t", "o w", M + "l ow", "e w", "ew est", M + "n ewest",
                "d est", "i dest", M + "w idest", "e r", M + "low er");
        assertEquals(expected, strings(sennrich().learn(100)));
    }

    @Test
    void stopsAtRequestedCountOrMinimumFrequency() {
        assertEquals(List.of("e s", "es t", "o w"), strings(sennrich().learn(3)));
        assertEquals(10, sennrich().learn(100, 3).merges().size());
        assertEquals(0, sennrich().learn(0).merges().size());
        assertThrows(IllegalArgumentException.class, () -> sennrich().learn(-1));
    }

    @Test
    void trainingWordsBecomeSingleTokensAfterAllMerges() {
        BpeTokenizer bpe = sennrich().learn(100);
        assertEquals(List.of(M + "low", M + "lower", M + "newest", M + "widest"),
                bpe.tokenize("low lower newest widest"));
    }

    @Test
    void resultDoesNotDependOnInputOrder() {
        List<String> words = new ArrayList<>();
        Random r = new Random(3);
        for (int i = 0; i < 2000; i++) {
            words.add(randomWord(r, "abcde", 6));
        }
        BpeLearner first = new BpeLearner().addWords(words);
        Collections.shuffle(words, new Random(4));
        BpeLearner second = new BpeLearner().addWords(words);
        assertEquals(strings(first.learn(200)), strings(second.learn(200)));
    }

    @Test
    void incrementalCountsEqualRecountingEveryMerge() {
        // a two-letter alphabet makes many ties and many ways to build the same symbol
        for (int seed = 0; seed < 20; seed++) {
            Random r = new Random(seed);
            Map<String, Long> counts = new HashMap<>();
            BpeLearner learner = new BpeLearner();
            for (int i = 0; i < 300; i++) {
                String w = randomWord(r, seed % 2 == 0 ? "ab" : "abc\ud83d\ude00", 9);
                learner.addText(w);
                counts.merge(w, 1L, Long::sum);
            }
            List<String> expected = naiveLearn(counts, 150, 2);
            assertEquals(expected, strings(learner.learn(150)), "seed " + seed);
        }
    }

    static String randomWord(Random r, String alphabet, int maxLen) {
        int[] cps = alphabet.codePoints().toArray();
        StringBuilder sb = new StringBuilder();
        int n = 1 + r.nextInt(maxLen);
        for (int i = 0; i < n; i++) {
            sb.appendCodePoint(cps[r.nextInt(cps.length)]);
        }
        return sb.toString();
    }

    /** The textbook algorithm: recount every pair before every merge. */
    private static List<String> naiveLearn(Map<String, Long> counts, int maxMerges, long minFrequency) {
        Map<List<String>, Long> words = new HashMap<>();
        counts.forEach((w, n) -> words.merge(BpeTokenizer.initialSymbols(w), n, Long::sum));
        List<String> out = new ArrayList<>();
        Set<String> recorded = new HashSet<>();
        while (out.size() < maxMerges) {
            Map<List<String>, Long> pairs = new HashMap<>();
            words.forEach((seq, n) -> {
                for (int i = 0; i + 1 < seq.size(); i++) {
                    pairs.merge(List.of(seq.get(i), seq.get(i + 1)), n, Long::sum);
                }
            });
            List<String> best = null;
            long bestCount = 0;
            for (Map.Entry<List<String>, Long> e : pairs.entrySet()) {
                List<String> p = e.getKey();
                long c = e.getValue();
                if (best == null || c > bestCount || (c == bestCount && (CodePointOrder.compare(p.get(0), best.get(0)) < 0
                        || (p.get(0).equals(best.get(0)) && CodePointOrder.compare(p.get(1), best.get(1)) < 0)))) {
                    best = p;
                    bestCount = c;
                }
            }
            if (best == null || bestCount < minFrequency) {
                break;
            }
            Map<List<String>, Long> next = new HashMap<>();
            for (Map.Entry<List<String>, Long> e : words.entrySet()) {
                List<String> seq = e.getKey();
                List<String> merged = new ArrayList<>();
                for (int i = 0; i < seq.size(); i++) {
                    if (i + 1 < seq.size() && seq.get(i).equals(best.get(0)) && seq.get(i + 1).equals(best.get(1))) {
                        merged.add(best.get(0) + best.get(1));
                        i++;
                    } else {
                        merged.add(seq.get(i));
                    }
                }
                next.merge(merged, e.getValue(), Long::sum);
            }
            words.clear();
            words.putAll(next);
            if (recorded.add(best.get(0) + " " + best.get(1))) {
                out.add(best.get(0) + " " + best.get(1));
            }
        }
        assertTrue(out.size() <= maxMerges);
        return out;
    }
}
