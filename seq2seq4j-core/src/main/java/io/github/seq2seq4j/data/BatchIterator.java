package io.github.seq2seq4j.data;

import io.github.seq2seq4j.tensor.Rng;
import io.github.seq2seq4j.InputException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The batches of one epoch, from a {@link Batcher}. {@link #position()} is the position of the
 * next batch, to be saved with a checkpoint; at the end of the epoch it is the start of the next.
 */
public final class BatchIterator implements CloseableIterator<Batch> {
    private final Batcher batcher;
    private final int epoch;
    private final long startState;
    private final Rng rng;
    private final CloseableIterator<Example> stream;
    private final ArrayDeque<List<Example>> pending = new ArrayDeque<>();
    private boolean poolsDone;
    private boolean anyRead;
    private long delivered;

    BatchIterator(Batcher batcher, int epoch, long startState) {
        this.batcher = batcher;
        this.epoch = epoch;
        this.startState = startState;
        this.rng = new Rng(startState);
        this.stream = batcher.openStream();
    }

    @Override
    public boolean hasNext() {
        while (pending.isEmpty() && !poolsDone) {
            readPool();
        }
        return !pending.isEmpty();
    }

    @Override
    public Batch next() {
        if (!hasNext()) {
            throw new NoSuchElementException("epoch " + epoch + " has " + delivered + " batches");
        }
        delivered++;
        return Batch.of(pending.poll());
    }

    /** Where the next batch comes from; after the last batch, the start of the next epoch. */
    public BatchPosition position() {
        return hasNext() ? new BatchPosition(epoch, delivered, startState) : batcher.start(epoch + 1);
    }

    public int epoch() {
        return epoch;
    }

    @Override
    public void close() {
        poolsDone = true;
        pending.clear();
        if (stream != null) {
            stream.close();
        }
    }

    /** Drops the first {@code n} batches without padding them (replaying the same RNG draws). */
    void skip(long n) {
        while (delivered < n) {
            if (!hasNext()) {
                throw new InputException("batch position " + new BatchPosition(epoch, n, startState)
                        + " is past the end of epoch " + epoch + ", which has " + delivered + " batches");
            }
            pending.poll();
            delivered++;
        }
    }

    private void readPool() {
        List<Example> pool;
        if (stream == null) {
            pool = batcher.all();
            poolsDone = true; // the whole corpus is the only pool
        } else {
            int size = batcher.options().poolSize();
            pool = new ArrayList<>(Math.min(size, 1 << 16));
            while (pool.size() < size && stream.hasNext()) {
                pool.add(stream.next());
            }
            if (pool.isEmpty()) {
                close();
                if (delivered == 0 && pending.isEmpty() && !anyRead) {
                    throw new InputException("no examples to batch");
                }
                return;
            }
            anyRead = true;
        }
        pending.addAll(BatchPlanner.plan(pool, batcher.options(), rng));
    }
}
