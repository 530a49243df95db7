package io.github.seq2seq4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.seq2seq4j.nn.CellType;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The hand-stepped cell and the layer agree for every cell type. */
class CellVersusLayerTest {
    @ParameterizedTest
    @EnumSource(CellType.class)
    void cellAndLayerGiveTheSameNumbers(CellType type) {
        CellVersusLayer.Comparison c = CellVersusLayer.compare(type, 7);
        assertEquals(CellVersusLayer.STEPS, c.cellOutputs().length);
        assertEquals(0f, c.maxDifference(), "both paths run the same fused step on the same weights");
        // The comparison is not vacuous: the state moves away from zero.
        float sum = 0;
        for (float v : c.cellFinalH()) {
            sum += Math.abs(v);
        }
        assertTrue(sum > 1e-3f, "final h is non-trivial: " + sum);
        if (type.hasCellState()) {
            assertNotNull(c.cellFinalC());
            assertNotNull(c.layerFinalC());
        } else {
            assertNull(c.cellFinalC());
        }
    }

    @Test
    void maxDifferenceSeesADisagreement() {
        CellVersusLayer.Comparison c = CellVersusLayer.compare(CellType.GRU, 7);
        c.layerOutputs()[2][1] += 0.5f;
        assertEquals(0.5f, c.maxDifference(), 1e-6f);
    }

    @Test
    void printsEveryCellType() {
        StringWriter s = new StringWriter();
        CellVersusLayer.print(new PrintWriter(s));
        for (CellType type : CellType.values()) {
            assertTrue(s.toString().contains(type.configName() + "\n"), type.configName());
        }
        assertTrue(s.toString().contains("final c"), "LSTM shows its cell state");
    }
}
