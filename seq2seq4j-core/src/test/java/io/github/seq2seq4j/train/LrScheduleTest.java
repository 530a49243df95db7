package io.github.seq2seq4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LrScheduleTest {
    @Test
    void constantAndStepDecay() {
        assertEquals(0.5f, LrSchedule.constant(0.5f).rate(1000));
        LrSchedule s = LrSchedule.stepDecay(1f, 10, 0.5f);
        assertEquals(1f, s.rate(1));
        assertEquals(1f, s.rate(10));
        assertEquals(0.5f, s.rate(11));
        assertEquals(0.25f, s.rate(21));
    }

    @Test
    void warmupThenInverseSquareRoot() {
        LrSchedule s = LrSchedule.warmupInverseSqrt(1e-3f, 100);
        assertEquals(1e-5f, s.rate(1), 1e-9f);
        assertEquals(5e-4f, s.rate(50), 1e-9f);
        assertEquals(1e-3f, s.rate(100), 1e-9f);
        assertEquals(5e-4f, s.rate(400), 1e-9f);
    }

    @Test
    void plateauReducesAfterPatienceAndResumes() {
        ReduceOnPlateau s = new ReduceOnPlateau(1f, true, 0.5f, 1, 0.1f);
        s.onValidation(10);
        s.onValidation(9); // 1 bad: within patience
        assertEquals(1f, s.rate(1));
        s.onValidation(9); // 2 bad: reduce
        assertEquals(0.5f, s.rate(1));
        ReduceOnPlateau copy = new ReduceOnPlateau(1f, true, 0.5f, 1, 0.1f);
        copy.loadState(s.state());
        for (int i = 0; i < 10; i++) {
            s.onValidation(1);
            copy.onValidation(1);
            assertEquals(s.rate(1), copy.rate(1));
        }
        assertEquals(0.1f, s.rate(1), "never below the minimum");
    }
}
