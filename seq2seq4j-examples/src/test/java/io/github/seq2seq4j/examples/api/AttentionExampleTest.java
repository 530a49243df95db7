package io.github.seq2seq4j.examples.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.seq2seq4j.Translation;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttentionExampleTest {
    @Test
    void oneRowPerOutputStepOneColumnPerSourceCharacterEachRowADistribution() {
        ExamplesTestSupport.Output out = new ExamplesTestSupport.Output();
        Translation t = AttentionExample.run(ExamplesTestSupport.MODEL, out.writer);
        assertEquals("agua", t.text());
        assertEquals(List.of("w", "a", "t", "e", "r"), t.sourceTokens());
        assertTrue(t.finished());
        float[][] w = t.attention();
        assertEquals(t.tokens().size() + 1, w.length, "a row per output character and one for </s>");
        for (float[] row : w) {
            assertEquals(5, row.length);
            double sum = 0;
            for (float v : row) {
                assertTrue(v >= 0 && v <= 1, Float.toString(v));
                sum += v;
            }
            assertEquals(1.0, sum, 1e-5);
        }
        List<String> lines = out.toString().lines().toList();
        assertEquals(2 + w.length, lines.size(), out.toString());
        assertTrue(lines.get(lines.size() - 1).startsWith("</s>"), out.toString());
        assertEquals(w.length, lines.stream().filter(l -> l.contains("*")).count() - 1, "one mark per row (+ the title)");
    }
}
