package io.github.seq2seq4j.cli.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CurveTest {
    @Test
    void groupsSortsKeepsTheLastValuePerStepAndCountsNonFinite() {
        List<Curve> curves = Curve.group(List.of(
                new MetricPoint(30, 1, "train", "loss", 3),
                new MetricPoint(10, 1, "train", "loss", 1),
                new MetricPoint(10, 1, "dev", "bleu", 5),
                new MetricPoint(20, 1, "train", "loss", Double.NaN),
                new MetricPoint(30, 2, "train", "loss", 2.5))); // a resumed run logs step 30 again
        assertEquals(2, curves.size());
        Curve loss = curves.get(0);
        assertEquals("train", loss.split());
        assertEquals("loss", loss.metric());
        assertArrayEquals(new double[] {10, 30}, loss.steps(), 0);
        assertArrayEquals(new double[] {1, 2.5}, loss.values(), 0);
        assertEquals(1, loss.nonFinite());
        assertEquals("bleu", curves.get(1).metric());
    }
}
