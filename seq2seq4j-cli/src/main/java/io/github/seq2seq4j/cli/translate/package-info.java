/**
 * {@code seq2seq4j translate}: streaming batched decoding of text lines ({@link
 * io.github.seq2seq4j.cli.translate.StreamingTranslator}), the output line formats ({@link
 * io.github.seq2seq4j.cli.translate.OutputFormat}) and where attention weights go ({@link
 * io.github.seq2seq4j.cli.translate.AttentionSink}, written as JSON by {@link
 * io.github.seq2seq4j.cli.translate.JsonAttentionFiles}).
 */
package io.github.seq2seq4j.cli.translate;
