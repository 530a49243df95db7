package io.github.seq2seq4j.data;

import io.github.seq2seq4j.tensor.Rng;
import io.github.seq2seq4j.InputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns an {@link ExampleSource} into epochs of padded {@link Batch}es (see {@link BatchingOptions}).
 *
 * <p><b>Reproducibility.</b> Epoch e shuffles with a {@link io.github.seq2seq4j.tensor.Rng} whose start state is
 * output e of SplitMix64 seeded with {@code seed}, so each epoch's batch sequence depends only on
 * the seed, the epoch, the options and the corpus, and is the same on every JVM. A
 * {@link BatchPosition} records (epoch, batch, start state); resuming replays the epoch's plan up
 * to that batch without building the skipped batches.
 *
 * <p><b>Memory.</b> With {@code poolSize} 0 the examples are read once and kept. With a pool size
 * N the source is read afresh each epoch, N examples at a time: a pool is planned, its batches
 * handed out, then the next pool is read, so at most one pool is held. Shuffling then only mixes
 * examples within a pool: shuffle a sorted corpus (such as a dictionary) on disk first, or use a
 * large pool.
 */
public final class Batcher {
    private final ExampleSource source;
    private final BatchingOptions options;
    private List<Example> all;

    /** Batches of {@code source}'s examples, formed as {@code options} say. */
    public Batcher(ExampleSource source, BatchingOptions options) {
        this.source = Objects.requireNonNull(source);
        this.options = Objects.requireNonNull(options);
    }

    /** How batches are formed. */
    public BatchingOptions options() {
        return options;
    }

    /** The position before the first batch of {@code epoch}. */
    public BatchPosition start(int epoch) {
        return new BatchPosition(epoch, 0, epochState(epoch));
    }

    /** Iterates over the batches of one epoch from its start. */
    public BatchIterator epoch(int epoch) {
        return iterator(start(epoch));
    }

    /**
     * Iterates over the rest of the epoch of {@code from}, starting at its batch. A position made
     * with another seed, or past the end of its epoch, is an {@link InputException}.
     */
    public BatchIterator iterator(BatchPosition from) {
        if (from.rngState() != epochState(from.epoch())) {
            throw new InputException("batch position " + from + " was saved with another seed than " + options.seed());
        }
        BatchIterator it = new BatchIterator(this, from.epoch(), from.rngState());
        try {
            it.skip(from.batch());
        } catch (RuntimeException e) {
            it.close();
            throw e;
        }
        return it;
    }

    /** Output {@code epoch} (from 0) of SplitMix64 seeded with the seed. */
    long epochState(int epoch) {
        return Rng.mix64(options.seed() + (epoch + 1L) * Rng.GOLDEN_GAMMA);
    }

    /** A streaming reader for one epoch, or null when the corpus is held in memory. */
    CloseableIterator<Example> openStream() {
        return options.poolSize() == 0 ? null : source.open();
    }

    /** Every example, read on first use (in-memory mode). */
    synchronized List<Example> all() {
        if (all == null) {
            List<Example> read = new ArrayList<>();
            try (CloseableIterator<Example> it = source.open()) {
                while (it.hasNext()) {
                    read.add(it.next());
                }
            }
            if (read.isEmpty()) {
                throw new InputException("no examples to batch");
            }
            all = read;
        }
        return all;
    }
}
