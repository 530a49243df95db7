/**
 * Classic small demonstrations, each a class with its own {@code main} that returns its results as
 * data (so tests can check them) and prints them for a person: Elman's simple recurrent network
 * (Elman 1990, "Finding structure in time") computed by hand through the autograd ops, a recurrent
 * cell stepped by hand against the sequence layer, and the "hello" → "ohlol" character exercise.
 *
 * <p>{@link io.github.seq2seq4j.examples.Examples} lists them for the command line
 * ({@code seq2seq4j example NAME}). Only the public core API is used here: an example is also a
 * worked piece of documentation.
 */
package io.github.seq2seq4j.examples;
