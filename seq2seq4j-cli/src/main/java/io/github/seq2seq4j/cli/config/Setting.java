package io.github.seq2seq4j.cli.config;

/**
 * A value with where it came from, for error messages and the effective config.
 *
 * @param value  the parsed value (null: unset)
 * @param origin "default", "FILE:LINE" or the flag, e.g. "--learning-rate"
 */
public record Setting(Object value, String origin) {}
