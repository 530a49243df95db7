package io.github.seq2seq4j.tensor;

import java.util.Arrays;

/**
 * Per-batch scratch memory: tensors are carved out of large float chunks and all released at once
 * by {@link #reset()} (Marian's workspace). A tensor goes into the first chunk with room for it;
 * when none has, a new chunk is added and kept. Chunks are never replaced, so growing leaves no
 * garbage behind: once the largest cycle (the tensors between two resets) has been seen, batches
 * of varying shapes allocate nothing from the Java heap.
 *
 * <p>Why never replace: a replaced chunk is garbage the size of a whole training step's scratch,
 * and a collector that grows the heap rather than collect for large arrays (Serial on JDK 25 does)
 * keeps it committed for the rest of the run; measured on the L benchmark, that was 168 MB of 600
 * (docs/performance.md).
 *
 * <p>Tensors handed out by an arena are valid until the next reset; copy out what must outlive it.
 * Not thread-safe: one arena per graph.
 */
public final class Arena {
    /** 1M floats (4 MiB) per chunk; larger requests get a chunk of their own, an eighth roomier. */
    private static final int CHUNK = 1 << 20;
    /** The largest single chunk (a Java array's limit, less a little). */
    private static final int MAX_CHUNK = Integer.MAX_VALUE - 64;
    /** A chunk with less room than this holds nothing more this cycle: first-fit starts after it. */
    private static final int FULL = 64;

    private float[][] chunks = new float[0][];
    private int[] fill = new int[0]; // floats taken from each chunk this cycle, with alignment
    private int count;
    private int first; // chunks before it are full this cycle
    private long used;

    /** A tensor of zeros. */
    public Tensor zeros(int... shape) {
        Tensor t = uninitialized(shape);
        Arrays.fill(t.data(), t.offset(), t.offset() + t.size(), 0f);
        return t;
    }

    /** A tensor whose contents are whatever was there: for outputs an op overwrites entirely. */
    public Tensor uninitialized(int... shape) {
        int n = Shape.size(shape);
        int i = first;
        while (i < count && chunks[i].length - fill[i] < n) {
            i++;
        }
        if (i == count) {
            addChunk(n);
        }
        int at = fill[i];
        fill[i] = (int) Math.min(chunks[i].length, (long) at + align(n));
        while (first < count && chunks[first].length - fill[first] < FULL) {
            first++;
        }
        used += n;
        return Tensor.view(chunks[i], at, shape);
    }

    private void addChunk(int n) {
        if (count == chunks.length) {
            chunks = Arrays.copyOf(chunks, Math.max(8, 2 * count));
            fill = Arrays.copyOf(fill, chunks.length);
        }
        // a tensor that outgrew the chunks is often one whose size varies with the batch: room to grow
        long size = n <= CHUNK ? CHUNK : Math.min(MAX_CHUNK, (long) n + n / 8);
        float[] c = ChunkPool.take(n); // any released chunk that holds the tensor
        chunks[count] = c != null ? c : new float[(int) Math.max(size, align(n))];
        fill[count] = 0;
        count++;
    }

    /** Releases every tensor handed out since the last reset; keeps the memory for reuse. */
    public void reset() {
        Arrays.fill(fill, 0, count, 0);
        first = 0;
        used = 0;
    }

    /**
     * Gives the memory up: every tensor handed out becomes invalid, and the chunks go to a pool
     * that arenas growing later take from ({@link ChunkPool}).
     */
    public void release() {
        for (int i = 0; i < count; i++) {
            ChunkPool.give(chunks[i]);
        }
        chunks = new float[0][];
        fill = new int[0];
        count = 0;
        first = 0;
        used = 0;
    }

    /** Floats handed out since the last reset. */
    public long used() {
        return used;
    }

    /** Floats held in chunks. */
    public long capacity() {
        long n = 0;
        for (int i = 0; i < count; i++) {
            n += chunks[i].length;
        }
        return n;
    }

    // Keep each tensor 16-float (64-byte) aligned relative to its chunk so vector loops start on a line.
    private static int align(int n) {
        return (n + 15) & ~15;
    }
}
