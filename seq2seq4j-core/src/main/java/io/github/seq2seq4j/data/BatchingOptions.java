package io.github.seq2seq4j.data;

/**
 * How a {@link Batcher} forms batches.
 *
 * @param unit      what {@code size} counts
 * @param size      sentences per batch, or the token budget B·max(S,T) including padding
 * @param poolSize  0: the whole corpus is held in memory and shuffled as one pool; N &gt; 0: the
 *                  corpus is streamed N examples at a time and shuffled/bucketed within each pool
 * @param shuffle   shuffle examples and batch order (off: corpus order, for evaluation)
 * @param bucketing sort each pool by length before cutting it, so a batch holds similar lengths
 * @param seed      seed of the shuffling
 */
public record BatchingOptions(Unit unit, int size, int poolSize, boolean shuffle, boolean bucketing, long seed) {

    /** The unit of {@link #size()}. */
    public enum Unit {
        /** Sentence pairs per batch. */
        SENTENCES,
        /** Padded tokens per batch: batch size times the longer side's length. */
        TOKENS
    }

    /** Checks that there is a unit, {@code size >= 1} and {@code poolSize >= 0}. */
    public BatchingOptions {
        if (unit == null || size < 1 || poolSize < 0) {
            throw new IllegalArgumentException("need a unit, size >= 1 and poolSize >= 0, got "
                    + unit + ", " + size + ", " + poolSize);
        }
    }

    /** {@code n} sentences per batch, in memory, shuffled and bucketed, seed 0. */
    public static BatchingOptions sentences(int n) {
        return new BatchingOptions(Unit.SENTENCES, n, 0, true, true, 0);
    }

    /** At most {@code n} padded tokens per batch, in memory, shuffled and bucketed, seed 0. */
    public static BatchingOptions tokens(int n) {
        return new BatchingOptions(Unit.TOKENS, n, 0, true, true, 0);
    }

    /** The same options with another shuffling seed. */
    public BatchingOptions withSeed(long value) {
        return new BatchingOptions(unit, size, poolSize, shuffle, bucketing, value);
    }

    /** Streams the corpus in pools of {@code n} examples (0: all in memory). */
    public BatchingOptions withPoolSize(int n) {
        return new BatchingOptions(unit, size, n, shuffle, bucketing, seed);
    }

    /** The same options, shuffled or in corpus order. */
    public BatchingOptions withShuffle(boolean value) {
        return new BatchingOptions(unit, size, poolSize, value, bucketing, seed);
    }

    /** The same options, with or without grouping by length. */
    public BatchingOptions withBucketing(boolean value) {
        return new BatchingOptions(unit, size, poolSize, shuffle, value, seed);
    }
}
