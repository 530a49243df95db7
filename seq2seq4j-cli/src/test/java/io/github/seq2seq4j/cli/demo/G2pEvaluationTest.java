package io.github.seq2seq4j.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.seq2seq4j.eval.ClosestReference;
import io.github.seq2seq4j.eval.G2pScore;
import io.github.seq2seq4j.eval.Per;
import java.util.List;
import org.junit.jupiter.api.Test;

class G2pEvaluationTest {
    @Test
    void theClosestPronunciationIsTheNearestThenTheShortest() {
        // "T AH M EY T OW" is one substitution from both; the shorter of two equally near wins
        ClosestReference c = G2pEvaluation.closest("T AH M AE T OW", List.of("T AH M EY T OW T", "T AH M EY T OW",
                "T AH M AA T OW"));
        assertEquals(1, c.distance());
        assertEquals(1, c.index());
        assertEquals(6, c.length());
        ClosestReference exact = G2pEvaluation.closest("T AH M AA T OW", List.of("T AH M EY T OW", "T AH M AA T OW"));
        assertEquals(0, exact.distance());
        assertEquals(1, exact.index());
        ClosestReference empty = G2pEvaluation.closest("", List.of("AH V"));
        assertEquals(2, empty.distance());
    }

    @Test
    void perWordDistancesAddUpToThePerOfTheCorePer() {
        List<String> hyps = List.of("T AH M AE T OW", "AA F", "AE K S");
        List<List<String>> refs = List.of(List.of("T AH M EY T OW", "T AH M AA T OW"), List.of("AH V"), List.of("AE K S"));
        G2pScore score = new Per().corpusScore(hyps, refs);
        long edits = 0;
        long length = 0;
        long wrong = 0;
        for (int i = 0; i < hyps.size(); i++) {
            ClosestReference c = G2pEvaluation.closest(hyps.get(i), refs.get(i));
            edits += c.distance();
            length += c.length();
            wrong += c.distance() > 0 ? 1 : 0;
        }
        assertEquals(score.phonemeEdits(), edits);
        assertEquals(score.referencePhonemes(), length);
        assertEquals(score.wordErrors(), wrong);
        assertEquals(200.0 / 3, score.wer(), 1e-9);
        assertEquals(100.0 * 3 / 11, score.per(), 1e-9);
    }
}
