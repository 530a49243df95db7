package io.github.seq2seq4j.cli.train;

import io.github.seq2seq4j.train.Trainer;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (SIGINT) or SIGTERM during training: a shutdown hook asks the trainer to stop after the
 * current step, which then writes {@code checkpoints/last}, and holds the JVM's exit until the run
 * has finished writing (at most {@code wait}) so that no file is left half-written. The JVM then
 * exits with the signal's status (130 for SIGINT).
 */
final class StopOnInterrupt implements AutoCloseable {
    private final Trainer trainer;
    private final Duration wait;
    private final PrintWriter err;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook = new Thread(this::stop, "seq2seq4j-stop");

    StopOnInterrupt(Trainer trainer, Duration wait, PrintWriter err) {
        this.trainer = trainer;
        this.wait = wait;
        this.err = err;
        Runtime.getRuntime().addShutdownHook(hook);
    }

    private void stop() {
        if (finished.getCount() == 0) {
            return; // the run had ended already
        }
        err.println();
        err.println("interrupted: stopping after the current step and saving checkpoints/last (waiting up to "
                + wait.toSeconds() + " s)");
        err.flush();
        trainer.requestStop();
        try {
            if (!finished.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                err.println("gave up waiting after " + wait.toSeconds()
                        + " s; checkpoints/last holds the previous complete checkpoint");
                err.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The run is over (normally or not): an exit need not wait any more. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook is running or has run
        }
    }
}
