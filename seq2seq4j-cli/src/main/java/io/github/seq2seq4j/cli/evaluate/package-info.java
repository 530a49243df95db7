/**
 * {@code seq2seq4j evaluate}: hypothesis and reference files read strictly ({@link
 * io.github.seq2seq4j.cli.evaluate.TextLines}), test sets grouped by source ({@link
 * io.github.seq2seq4j.cli.evaluate.TestSet}), and the scores' JSON and table forms ({@link
 * io.github.seq2seq4j.cli.evaluate.Scores}). The metrics themselves are the core's
 * {@link io.github.seq2seq4j.eval.Metrics}.
 */
package io.github.seq2seq4j.cli.evaluate;
