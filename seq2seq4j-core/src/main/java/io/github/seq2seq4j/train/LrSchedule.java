package io.github.seq2seq4j.train;

/**
 * A learning-rate schedule: the rate for a given optimizer step, possibly reacting to dev scores.
 * Implementations keep only what {@link #state()} returns, so a resumed run continues exactly.
 */
public interface LrSchedule {
    /** The learning rate to use for optimizer step {@code step} (1-based). */
    float rate(long step);

    /** Told after each validation; only plateau schedules react. */
    default void onValidation(double metric) {}

    /** Mutable state for checkpoints (empty for pure functions of the step). */
    default double[] state() {
        return new double[0];
    }

    default void loadState(double[] state) {}

    /** A constant rate. */
    static LrSchedule constant(float lr) {
        return step -> lr;
    }

    /** lr · γ^⌊(step−1)/every⌋. */
    static LrSchedule stepDecay(float lr, long every, float gamma) {
        if (every < 1) {
            throw new IllegalArgumentException("step decay needs every >= 1: " + every);
        }
        return step -> (float) (lr * Math.pow(gamma, (step - 1) / every));
    }

    /**
     * Linear warmup to {@code lr} over {@code warmup} steps, then decay with the inverse square
     * root of the step (Vaswani et al. 2017): lr · min(step/warmup, √(warmup/step)).
     */
    static LrSchedule warmupInverseSqrt(float lr, long warmup) {
        if (warmup < 1) {
            throw new IllegalArgumentException("warmup must be >= 1 step: " + warmup);
        }
        return step -> (float) (lr * Math.min((double) step / warmup, Math.sqrt((double) warmup / step)));
    }
}
