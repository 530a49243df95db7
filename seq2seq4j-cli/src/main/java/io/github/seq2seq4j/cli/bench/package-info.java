/**
 * {@code seq2seq4j bench}: the Java twin of the PyTorch reference's {@code bench} command
 * (seq2seq_ref.py). It trains on synthetic reversal data and decodes for a fixed number of steps,
 * doing the same work as the reference, and prints one JSON line of throughputs so the two can be
 * timed side by side (bench/compare.sh, docs/performance.md).
 */
package io.github.seq2seq4j.cli.bench;
