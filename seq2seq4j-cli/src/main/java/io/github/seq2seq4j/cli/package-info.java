/**
 * The {@code seq2seq4j} command line. {@link io.github.seq2seq4j.cli.Main} holds the global options
 * and the list of subcommands; each subcommand is its own small class that parses its options and
 * calls the core. Errors reach the user as one line, {@code seq2seq4j: error: …}, through
 * {@link io.github.seq2seq4j.cli.ErrorReporter}; exit code 2 means the command line was wrong,
 * 1 that the command failed.
 */
package io.github.seq2seq4j.cli;
