package io.github.seq2seq4j.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.seq2seq4j.examples.SimpleRecurrentNetwork.Activation;
import io.github.seq2seq4j.examples.SimpleRecurrentNetwork.Result;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The SRN exercise gives the textbook numbers in float32, and its double check gives them exactly. */
class SimpleRecurrentNetworkTest {
    // The exercise's quoted outputs for tanh.
    private static final double[] TANH_EXPECTED = {1.9280551601516338, 1.9984510891336251, 1.9999753470497836};

    @Test
    void identityGivesExactly4And12And32() {
        Result r = SimpleRecurrentNetwork.run(Activation.IDENTITY);
        float[][] expected = {{4f, 4f}, {12f, 12f}, {32f, 32f}};
        for (int t = 0; t < 3; t++) {
            assertArrayEquals(expected[t], r.outputs()[t], 0f, "step " + (t + 1)); // small integers are exact in float32
        }
    }

    @Test
    void quotedTanhDigitsFollowFromTheRecurrenceInDouble() {
        // Independently of the example: y_t = 2·h_t, h_1 = tanh 2, h_2 = tanh(2 + 2 h_1), h_3 = tanh(4 + 2 h_2).
        double h1 = Math.tanh(2);
        double h2 = Math.tanh(2 + 2 * h1);
        double h3 = Math.tanh(4 + 2 * h2);
        assertArrayEquals(TANH_EXPECTED, new double[] {2 * h1, 2 * h2, 2 * h3}, 1e-15);
    }

    @Test
    void engineTanhOutputsAgreeWithTheQuotedDigitsToFloatPrecision() {
        Result r = SimpleRecurrentNetwork.run(Activation.TANH);
        for (int t = 0; t < 3; t++) {
            for (int unit = 0; unit < 2; unit++) {
                assertEquals(TANH_EXPECTED[t], r.outputs()[t][unit], 1e-6, "step " + (t + 1) + " unit " + unit);
            }
        }
    }

    @Test
    void doubleCheckInsideTheExampleEqualsTheQuotedDigits() {
        Result r = SimpleRecurrentNetwork.run(Activation.TANH);
        for (int t = 0; t < 3; t++) {
            assertEquals(TANH_EXPECTED[t], r.reference()[t][0], 1e-15, "step " + (t + 1));
        }
        assertTrue(r.maxDifference() < 1e-6, "float32 vs double: " + r.maxDifference());
    }

    @Test
    void printsTenSignificantDigits() {
        StringWriter s = new StringWriter();
        SimpleRecurrentNetwork.print(new PrintWriter(s));
        String text = s.toString();
        assertTrue(text.contains("1.9280551601516338"), text);
        assertTrue(text.contains("1.928055167"), text); // the float32 result's own digits
        assertTrue(text.contains("32.00000000"), text);
    }
}
