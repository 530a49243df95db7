package io.github.seq2seq4j.server.batch;

/** A request's sentences would overflow the scheduler's queue. */
public final class QueueFullException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    QueueFullException(int queued, int adding, int max) {
        super("the decoding queue is full (" + queued + " sentences waiting, " + adding + " more would exceed "
                + max + "); retry shortly");
    }
}
