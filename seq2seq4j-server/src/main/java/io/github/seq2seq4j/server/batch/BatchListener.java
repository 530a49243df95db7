package io.github.seq2seq4j.server.batch;

/** Told about every decoded batch (for metrics). */
@FunctionalInterface
public interface BatchListener {
    void onBatch(String model, int size, long nanos);
}
