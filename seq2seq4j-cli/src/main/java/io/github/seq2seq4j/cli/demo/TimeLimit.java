package io.github.seq2seq4j.cli.demo;

import io.github.seq2seq4j.train.StepReport;
import io.github.seq2seq4j.train.Trainer;
import io.github.seq2seq4j.train.TrainingListener;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A safety net on training time: once {@code limit} has passed since training began, asks the
 * trainer to stop after the current step ({@code stop} is {@link Trainer#requestStop}; the trainer
 * then saves {@code checkpoints/last} and the run publishes its best checkpoint as usual). A normal
 * demo ends by its schedule well before.
 */
public final class TimeLimit implements TrainingListener {
    private final Runnable stop;
    private final long limitNanos;
    private final LongSupplier clock;
    private long start = -1;
    private boolean reached;

    /** Stops {@code trainer}, measuring with {@link System#nanoTime()}. */
    public TimeLimit(Trainer trainer, Duration limit) {
        this(trainer::requestStop, limit, System::nanoTime);
    }

    /** Runs {@code stop} once the limit has passed on {@code clock} (nanoseconds; tests drive it by hand). */
    TimeLimit(Runnable stop, Duration limit, LongSupplier clock) {
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("time limit must be positive, got " + limit);
        }
        this.stop = stop;
        this.limitNanos = limit.toNanos();
        this.clock = clock;
    }

    @Override
    public void onEpochStart(int epoch, long batches) {
        if (start < 0) {
            start = clock.getAsLong();
        }
    }

    @Override
    public void onStep(StepReport report) {
        if (start < 0) {
            start = clock.getAsLong() - report.nanos();
        }
        if (!reached && clock.getAsLong() - start >= limitNanos) {
            reached = true;
            stop.run();
        }
    }

    /** True once the limit stopped the run. */
    public boolean reached() {
        return reached;
    }
}
