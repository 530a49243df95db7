package io.github.seq2seq4j.cli.train;

/**
 * Receives the numbers of a training run, one value at a time. {@link MetricsCsv} writes them to
 * {@code metrics.csv}; a report or a live plot can implement this too.
 *
 * <p>Rows, as {@code metrics.csv} has them:
 * <ul>
 *   <li>after every optimizer step, split {@code train}: {@code loss} (mean token cross-entropy of
 *       the batch, with label smoothing when on), {@code learning_rate}, {@code grad_norm} (global
 *       norm before clipping);
 *   <li>after every validation, split {@code dev}: {@code loss}, {@code ppl}, {@code acc} (percent)
 *       and every metric of {@code training.dev_metrics} (percent).
 * </ul>
 * Steps count optimizer updates from 1; epochs count from 1. Skipped (non-finite) steps are not
 * recorded.
 */
public interface MetricsSink extends AutoCloseable {
    /** One value. */
    void record(long step, int epoch, String split, String metric, double value);

    /** Flushes and releases the sink. */
    @Override
    void close();
}
