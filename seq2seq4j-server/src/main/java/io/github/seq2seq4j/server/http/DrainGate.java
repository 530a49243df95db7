package io.github.seq2seq4j.server.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Counts requests in flight and, once draining, turns new ones away, so that shutdown can wait for
 * the requests it already accepted. A request that {@link #enter}s is counted until it
 * {@link #exit}s; one that enters after {@link #drain} is refused.
 */
public final class DrainGate {
    private int inFlight; // guarded by this
    private boolean draining; // guarded by this

    /** Counts a new request; false (not counted) once draining. */
    public synchronized boolean enter() {
        if (draining) {
            return false;
        }
        inFlight++;
        return true;
    }

    /** A counted request finished. */
    public synchronized void exit() {
        if (--inFlight == 0) {
            notifyAll();
        }
    }

    public synchronized int inFlight() {
        return inFlight;
    }

    public synchronized boolean draining() {
        return draining;
    }

    /** Refuses new requests from now on and waits up to {@code timeout} for those in flight; true if none is left. */
    public synchronized boolean drain(Duration timeout) throws InterruptedException {
        draining = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inFlight > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }
}
