package io.github.seq2seq4j.server.batch;

/** The scheduler is shutting down and takes no more sentences. */
public final class SchedulerClosedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SchedulerClosedException() {
        super("the server is shutting down");
    }
}
