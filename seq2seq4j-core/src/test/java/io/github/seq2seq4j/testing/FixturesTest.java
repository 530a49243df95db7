package io.github.seq2seq4j.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.seq2seq4j.tensor.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class FixturesTest {
    @Test
    void loadsAFixtureWithItsDocumentedNames() {
        Map<String, Tensor> linear = Fixtures.load("ops/linear.safetensors");
        assertEquals(List.of("x", "weight", "bias", "out", "R", "grad.x", "grad.weight", "grad.bias"),
                List.copyOf(linear.keySet()));
        Tensor x = Fixtures.tensor(linear, "x");
        Tensor w = Fixtures.tensor(linear, "weight");
        Tensor b = Fixtures.tensor(linear, "bias");
        float[] out = new float[3 * 6];        // x . W^T + b, computed naively to prove the fixture is what it says
        for (int i = 0; i < 3; i++) {
            for (int o = 0; o < 6; o++) {
                double s = b.at(o);
                for (int k = 0; k < 5; k++) {
                    s += (double) x.get(i, k) * w.get(o, k);
                }
                out[i * 6 + o] = (float) s;
            }
        }
        Fixtures.assertClose("linear.out", Fixtures.tensor(linear, "out"), Tensor.of(out, 3, 6), 1e-6, 1e-5);
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> Fixtures.tensor(linear, "y"));
        assertTrue(e.getMessage().contains("[x, weight, bias"), e.getMessage());
    }

    @Test
    void readsTextLinesAsPythonDoes() {
        List<String> src = Fixtures.lines("models/src.txt");
        assertEquals("a", src.get(0));
        assertEquals("", src.get(src.size() - 1), "the last input is an empty line");
        assertThrows(AssertionFailedError.class, () -> Fixtures.path("no/such/fixture"));
    }

    @Test
    void reportsTheWorstElement() {
        Tensor expected = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor actual = Tensor.of(new float[] {1, 2.01f, 3, 4, 5, 7}, 2, 3);
        Fixtures.Mismatch m = Fixtures.compare(expected, actual, 1e-3, 0);
        assertEquals(2, m.count());
        assertArrayEquals(new int[] {1, 2}, m.worstIndex());
        assertEquals(6f, m.expected());
        assertEquals(7f, m.actual());
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> Fixtures.assertClose("h_n", expected, actual, 1e-3, 0));
        assertTrue(e.getMessage().startsWith("h_n: 2 of 6 elements outside"), e.getMessage());
        assertTrue(e.getMessage().contains("worst at [1, 2]: expected 6.00000000, actual 7.00000000"), e.getMessage());
    }

    @Test
    void relativeToleranceScalesWithTheExpectedValue() {
        Tensor expected = Tensor.of(new float[] {1000f, 0.001f}, 2);
        assertNull(Fixtures.compare(expected, Tensor.of(new float[] {1000.5f, 0.001f}, 2), 0, 1e-3));
        Fixtures.Mismatch m = Fixtures.compare(expected, Tensor.of(new float[] {1000f, 0.0015f}, 2), 0, 1e-3);
        assertArrayEquals(new int[] {1}, m.worstIndex());
    }

    @Test
    void nanAndInfinityMatchOnlyThemselves() {
        Tensor special = Tensor.of(new float[] {Float.NaN, Float.POSITIVE_INFINITY}, 2);
        assertNull(Fixtures.compare(special, Tensor.of(new float[] {Float.NaN, Float.POSITIVE_INFINITY}, 2), 1, 1));
        assertEquals(2, Fixtures.compare(special, Tensor.of(new float[] {0, Float.NEGATIVE_INFINITY}, 2), 1, 1).count());
        assertEquals(1, Fixtures.compare(Tensor.of(new float[] {0}, 1), Tensor.of(new float[] {Float.NaN}, 1), 1, 1).count());
    }

    @Test
    void shapeMismatchFailsBeforeValues() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> Fixtures.assertClose("w", Tensor.zeros(2, 3), Tensor.zeros(3, 2), 1, 1));
        assertEquals("w: expected shape [2, 3] but got [3, 2]", e.getMessage());
    }
}
