package io.github.seq2seq4j.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.seq2seq4j.train.StepReport;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TimeLimitTest {
    private static StepReport step(long n) {
        return new StepReport(n, 0, n - 1, 1.0, 10, 1e-3, 1.0, 1.0, false, 0);
    }

    @Test
    void stopsOnceWhenTheLimitHasPassedSinceTrainingBegan() {
        AtomicLong now = new AtomicLong(5_000_000_000L);
        AtomicInteger stops = new AtomicInteger();
        TimeLimit limit = new TimeLimit(stops::incrementAndGet, Duration.ofSeconds(10), now::get);
        limit.onEpochStart(0, 100);
        now.addAndGet(9_999_999_999L);
        limit.onStep(step(1));
        assertEquals(0, stops.get(), "just under the limit");
        assertFalse(limit.reached());
        now.addAndGet(1);
        limit.onStep(step(2));
        assertEquals(1, stops.get(), "at the limit");
        assertTrue(limit.reached());
        now.addAndGet(60_000_000_000L);
        limit.onEpochStart(1, 100); // a later epoch does not restart the clock
        limit.onStep(step(3));
        assertEquals(1, stops.get(), "asked once only");
    }

    @Test
    void theLimitMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new TimeLimit(() -> { }, Duration.ZERO, () -> 0));
        assertThrows(IllegalArgumentException.class, () -> new TimeLimit(() -> { }, Duration.ofSeconds(-1), () -> 0));
    }
}
