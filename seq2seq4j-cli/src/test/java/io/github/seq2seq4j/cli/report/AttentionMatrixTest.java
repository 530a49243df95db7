package io.github.seq2seq4j.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AttentionMatrixTest {
    @Test
    void keepsShapeAndCopiesWeights() {
        float[][] w = {{0.5f, 0.5f, 0f}, {0.1f, 0.2f, 0.7f}};
        AttentionMatrix m = new AttentionMatrix(List.of("a", "b", "c"), List.of("x", "</s>"), w);
        assertEquals(2, m.outputSteps());
        assertEquals(3, m.srcLen());
        w[1][2] = 9f;
        assertEquals(0.7f, m.weight(1, 2), "the constructor copies");
        m.weights()[0][0] = 9f;
        assertEquals(0.5f, m.weight(0, 0), "the accessor copies");
        assertEquals(m, new AttentionMatrix(List.of("a", "b", "c"), List.of("x", "</s>"),
                new float[][] {{0.5f, 0.5f, 0f}, {0.1f, 0.2f, 0.7f}}));
        assertNotEquals(m, new AttentionMatrix(List.of("a", "b", "c"), List.of("x", "</s>"),
                new float[][] {{0.5f, 0.5f, 0f}, {0.1f, 0.2f, 0.6f}}));
    }

    @Test
    void rejectsWrongShapesWithBothSizes() {
        IllegalArgumentException rows = assertThrows(IllegalArgumentException.class,
                () -> new AttentionMatrix(List.of("a"), List.of("x", "y"), new float[][] {{1f}}));
        assertTrue(rows.getMessage().contains("1 rows") && rows.getMessage().contains("2 output"), rows.getMessage());
        IllegalArgumentException cols = assertThrows(IllegalArgumentException.class,
                () -> new AttentionMatrix(List.of("a", "b"), List.of("x"), new float[][] {{1f}}));
        assertTrue(cols.getMessage().contains("row 0 has 1") && cols.getMessage().contains("2 source"), cols.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new AttentionMatrix(List.of(), List.of("x"), new float[][] {{}}));
        assertThrows(IllegalArgumentException.class,
                () -> new AttentionMatrix(List.of("a"), List.of("x"), new float[][] {{Float.NaN}}));
    }
}
