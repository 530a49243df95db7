/**
 * The report of a training output directory or a model directory ({@code seq2seq4j report}, and
 * the end of every {@code train}): reads what the directory holds ({@code run.yaml},
 * {@code metrics.csv}, {@code checkpoints/best/trainer.json}, the model), decodes a few dev or
 * test sentences with the model, and hands it all as plain data to
 * {@link io.github.seq2seq4j.cli.report.HtmlReport}, which writes {@code DIR/report/index.html}.
 * The entry point is {@link io.github.seq2seq4j.cli.runreport.TrainingReport}.
 */
package io.github.seq2seq4j.cli.runreport;
