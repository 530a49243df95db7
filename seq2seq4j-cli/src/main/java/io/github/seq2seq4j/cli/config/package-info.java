/**
 * Configuration of {@code seq2seq4j train}: the schema of every setting ({@link
 * io.github.seq2seq4j.cli.config.ConfigSchema}), the strict YAML reader that reports a bad key or
 * value as {@code FILE:LINE: problem}, the merge of defaults, YAML and flags into one
 * {@link io.github.seq2seq4j.cli.config.RunConfig}, and the conversion into the core's option types.
 * docs/configuration.md documents the same keys.
 */
package io.github.seq2seq4j.cli.config;
