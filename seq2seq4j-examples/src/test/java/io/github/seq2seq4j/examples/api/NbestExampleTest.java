package io.github.seq2seq4j.examples.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.seq2seq4j.Translation;
import java.util.List;
import org.junit.jupiter.api.Test;

class NbestExampleTest {
    @Test
    void threeDistinctCandidatesPerSourceRankedByNormalizedScoreTheRightOneFirst() {
        ExamplesTestSupport.Output out = new ExamplesTestSupport.Output();
        List<List<Translation>> nbest = NbestExample.run(ExamplesTestSupport.MODEL, out.writer);
        assertEquals(2, nbest.size());
        List<String> expected = List.of("bueno", "casa");
        for (int i = 0; i < 2; i++) {
            List<Translation> list = nbest.get(i);
            assertEquals(3, list.size(), list.toString());
            assertEquals(expected.get(i), list.get(0).text());
            assertEquals(3, list.stream().map(Translation::text).distinct().count(), "distinct candidates");
            double total = 0;
            for (int k = 0; k < 3; k++) {
                Translation t = list.get(k);
                assertTrue(t.score() < 0 && t.finished(), t.toString());
                total += Math.exp(t.score());
                if (k > 0) {
                    assertTrue(list.get(k - 1).normalizedScore() >= t.normalizedScore(), "ranked best first");
                }
            }
            assertTrue(total <= 1 + 1e-6, "probabilities of distinct outputs sum to at most 1: " + total);
            assertTrue(Math.exp(list.get(0).score()) > 0.5, "the trained word is the likely one");
        }
        assertTrue(out.toString().startsWith("good:\n  bueno "), out.toString());
    }
}
