package io.github.seq2seq4j.autograd;

/**
 * The backward half of a recorded op: reads the output's gradient and <em>adds</em> into the
 * gradient of each input that has one (inputs without a gradient are skipped).
 */
@FunctionalInterface
public interface Backward {
    void run();
}
