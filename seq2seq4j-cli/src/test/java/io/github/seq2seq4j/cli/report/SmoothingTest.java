package io.github.seq2seq4j.cli.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SmoothingTest {
    @Test
    void weightZeroIsTheIdentityAndConstantsStayConstant() {
        double[] x = {3, 1, 4, 1, 5};
        assertArrayEquals(x, Smoothing.ema(x, 0), 0);
        // debiasing: no pull towards the zero start
        assertArrayEquals(new double[] {2, 2, 2, 2}, Smoothing.ema(new double[] {2, 2, 2, 2}, 0.9), 1e-12);
    }

    @Test
    void matchesTheDebiasedRecurrence() {
        double[] s = Smoothing.ema(new double[] {1, 3}, 0.5);
        assertEquals(1, s[0], 1e-12);
        // avg = 0.5*(0.5*1) + 0.5*3 = 1.75, divided by 1 - 0.25
        assertEquals(1.75 / 0.75, s[1], 1e-12);
    }

    @Test
    void skipsNonFiniteValues() {
        double[] s = Smoothing.ema(new double[] {Double.NaN, 2, Double.POSITIVE_INFINITY, 2}, 0.8);
        assertTrue(Double.isNaN(s[0]));
        assertArrayEquals(new double[] {2, 2, 2}, new double[] {s[1], s[2], s[3]}, 1e-12);
    }

    @Test
    void weightGrowsWithTheCurveAndIsBounded() {
        assertEquals(0.6, Smoothing.weightFor(10), 0);
        assertEquals(0.98, Smoothing.weightFor(1000), 1e-12);
        assertEquals(0.99, Smoothing.weightFor(1_000_000), 0);
        assertThrows(IllegalArgumentException.class, () -> Smoothing.ema(new double[] {1}, 1));
    }
}
