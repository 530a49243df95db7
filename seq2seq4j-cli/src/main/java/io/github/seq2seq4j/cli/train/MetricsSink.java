package io.github.seq2seq4j.cli.train;

import io.github.seq2seq4j.cli.report.MetricPoint;
import java.util.List;

/**
 * Receives the numbers of a training run as they are measured. {@link CsvMetricsSink} writes them
 * to {@code metrics.csv} (the format of {@link io.github.seq2seq4j.cli.report.MetricsCsv}); a live
 * plot could implement this too.
 *
 * <p>The names are those of {@link io.github.seq2seq4j.cli.report.MetricNames}:
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
    /** The values of one event (a step or a validation), in order. */
    void record(List<MetricPoint> points);

    /** Flushes and releases the sink. */
    @Override
    void close();
}
