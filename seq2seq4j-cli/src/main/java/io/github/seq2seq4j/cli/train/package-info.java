/**
 * {@code seq2seq4j train} behind the command line: the data pipeline of a run ({@link
 * io.github.seq2seq4j.cli.train.TrainingData}), the output directory ({@link
 * io.github.seq2seq4j.cli.train.RunDirectory}), train.log and metrics.csv ({@link
 * io.github.seq2seq4j.cli.train.RunLog}, {@link io.github.seq2seq4j.cli.train.MetricsSink} written by
 * {@link io.github.seq2seq4j.cli.train.CsvMetricsSink} in the report package's format), the
 * console progress, and the Ctrl-C handling that saves a resumable checkpoint.
 */
package io.github.seq2seq4j.cli.train;
