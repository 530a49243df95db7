package io.github.seq2seq4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.seq2seq4j.InputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {
    @Test
    void everyNameResolvesToAMetricOfThatName() {
        for (String name : Metrics.NAMES) {
            assertEquals(name, Metrics.byName(name).name());
        }
        assertEquals("chrf++", Metrics.byName(" ChrF++ ").name());
    }

    @Test
    void directionOfImprovement() {
        assertTrue(Metrics.byName("bleu").higherIsBetter());
        assertTrue(Metrics.byName("chrf").higherIsBetter());
        assertTrue(Metrics.byName("acc").higherIsBetter());
        assertFalse(Metrics.byName("wer").higherIsBetter());
        assertFalse(Metrics.byName("cer").higherIsBetter());
        assertFalse(Metrics.byName("per").higherIsBetter());
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        InputException e = assertThrows(InputException.class, () -> Metrics.byName("meteor"));
        assertEquals("unknown metric 'meteor'; known metrics: bleu, chrf, chrf++, wer, cer, per, ser, acc", e.getMessage());
    }

    @Test
    void parsesACommaSeparatedList() {
        List<Metric> ms = Metrics.parseList("bleu,chrf,wer");
        assertEquals(List.of("bleu", "chrf", "wer"), ms.stream().map(Metric::name).toList());
        assertThrows(InputException.class, () -> Metrics.parseList("bleu,,wer"));
        assertThrows(InputException.class, () -> Metrics.parseList("bleu,BLEU"));
    }

    @Test
    void metricsScoreThroughTheCommonInterface() {
        List<String> hyps = BleuTest.HYPS;
        List<List<String>> refs = BleuTest.REFS;
        assertEquals(48.530827, Metrics.byName("bleu").score(hyps, refs), 1e-6);
        assertEquals("59.73", PythonText.fixed(Metrics.byName("chrf").score(hyps, refs), 2));
        assertEquals(100.0 / 3, Metrics.byName("acc").score(hyps, List.of(List.of(hyps.get(0)), List.of("x"), List.of("y"))), 1e-12);
    }
}
