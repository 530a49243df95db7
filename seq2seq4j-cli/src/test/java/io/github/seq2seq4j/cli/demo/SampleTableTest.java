package io.github.seq2seq4j.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleTableTest {
    private static WordResult word(String letters, String hyp, List<String> refs, int closest, int distance) {
        return new WordResult(letters, hyp, refs, closest, distance, null);
    }

    @Test
    void picksTheMiddleOfEqualPartsAndAllWhenThereAreFew() {
        List<WordResult> words = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            words.add(word("w " + i, "X", List.of("X"), 0, 0));
        }
        List<String> picked = SampleTable.pick(words, 4).stream().map(WordResult::source).toList();
        assertEquals(List.of("w 2", "w 7", "w 12", "w 17"), picked);
        assertEquals(words, SampleTable.pick(words, 20));
        assertEquals(words.subList(0, 3), SampleTable.pick(words.subList(0, 3), 10));
    }

    @Test
    void alignsColumnsAndMarksRightAndWrong() {
        List<String> lines = SampleTable.format(List.of(
                word("t o m a t o", "T AH M EY T OW", List.of("T AH M EY T OW", "T AH M AA T OW"), 0, 0),
                word("a x", "AE K S", List.of("AE K S"), 0, 0),
                word("o f", "AA F", List.of("AH V"), 0, 2)));
        assertEquals(List.of(
                "  word    predicted       reference",
                "  tomato  T AH M EY T OW  T AH M EY T OW (+1)  \u2713",
                "  ax      AE K S          AE K S               \u2713",
                "  of      AA F            AH V                 \u2717"), lines);
    }
}
