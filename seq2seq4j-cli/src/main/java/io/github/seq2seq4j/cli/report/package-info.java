/**
 * Reports of training and translation runs, made from plain data so the core never depends on
 * them: attention heatmaps ({@link io.github.seq2seq4j.cli.report.AttentionHeatmap}, with the
 * weights as JSON through {@link io.github.seq2seq4j.cli.report.AttentionJson}), the metrics
 * file of a run ({@link io.github.seq2seq4j.cli.report.MetricsCsv}) and its curves
 * ({@link io.github.seq2seq4j.cli.report.TrainingCurves}), and a self-contained HTML page that
 * puts them together ({@link io.github.seq2seq4j.cli.report.HtmlReport}).
 *
 * <p>Charts are drawn by XChart and written as PNG with AWT in headless mode; every file is
 * written atomically ({@link io.github.seq2seq4j.cli.report.AtomicFiles}). Token labels need a
 * font with {@code ▁} (U+2581) and accented letters: DejaVu Sans (Debian's
 * {@code fonts-dejavu-core}) is used when installed, the JVM's logical sans-serif font otherwise.
 * The attention plots follow the alignment figures of Bahdanau et al. (2015): one row per output
 * token, one column per source token.
 */
package io.github.seq2seq4j.cli.report;
