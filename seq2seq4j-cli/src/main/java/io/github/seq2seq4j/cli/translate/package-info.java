/**
 * {@code seq2seq4j translate}: streaming batched decoding of text lines ({@link
 * io.github.seq2seq4j.cli.translate.StreamingTranslator}) by search or by sampling ({@link
 * io.github.seq2seq4j.cli.translate.BatchDecoder}, {@link
 * io.github.seq2seq4j.cli.translate.LineSampler}), the output line formats ({@link
 * io.github.seq2seq4j.cli.translate.OutputFormat}) and where attention weights go ({@link
 * io.github.seq2seq4j.cli.translate.AttentionSink}: JSON files by {@link
 * io.github.seq2seq4j.cli.translate.JsonAttentionFiles}, heatmaps by {@link
 * io.github.seq2seq4j.cli.translate.HeatmapFiles}).
 */
package io.github.seq2seq4j.cli.translate;
