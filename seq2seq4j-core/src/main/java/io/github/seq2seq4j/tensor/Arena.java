package io.github.seq2seq4j.tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Per-batch scratch memory: tensors are carved out of large float chunks with a bump pointer and
 * all released at once by {@link #reset()} (Marian's workspace). A cycle (the tensors between two
 * resets) that did not fit in one chunk makes the reset replace the chunks by a single one big
 * enough for that cycle plus an eighth: batches of varying shapes then settle on one chunk after
 * the largest has been seen, and allocate nothing from the Java heap.
 *
 * <p>Tensors handed out by an arena are valid until the next reset; copy out what must outlive it.
 * Not thread-safe: one arena per graph.
 */
public final class Arena {
    /** 1M floats (4 MiB) per chunk; larger requests get a chunk of their own. */
    private static final int CHUNK = 1 << 20;
    /** The largest single chunk (a Java array's limit, less a little). */
    private static final long MAX_CHUNK = Integer.MAX_VALUE - 64;

    private final List<float[]> chunks = new ArrayList<>();
    private int chunk; // index of the chunk being filled
    private int pos; // next free float in that chunk
    private long used;
    private long cycle; // floats handed out since the last reset, with alignment

    /** A tensor of zeros. */
    public Tensor zeros(int... shape) {
        Tensor t = uninitialized(shape);
        Arrays.fill(t.data(), t.offset(), t.offset() + t.size(), 0f);
        return t;
    }

    /** A tensor whose contents are whatever was there: for outputs an op overwrites entirely. */
    public Tensor uninitialized(int... shape) {
        int n = Shape.size(shape);
        cycle += align(n);
        while (chunk < chunks.size()) {
            float[] c = chunks.get(chunk);
            if (c.length - pos >= n) {
                Tensor t = Tensor.view(c, pos, shape);
                pos += align(n);
                used += n;
                return t;
            }
            chunk++;
            pos = 0;
        }
        float[] c = new float[Math.max(CHUNK, align(n))];
        chunks.add(c);
        chunk = chunks.size() - 1;
        pos = align(n);
        used += n;
        return Tensor.view(c, 0, shape);
    }

    /** Releases every tensor handed out since the last reset; keeps the memory for reuse. */
    public void reset() {
        if (chunks.size() > 1) { // the cycle spilled over chunks: next time one chunk holds it all
            long want = Math.max(CHUNK, cycle + cycle / 8);
            if (want <= MAX_CHUNK) {
                chunks.clear();
                chunks.add(new float[(int) want]);
            }
        }
        chunk = 0;
        pos = 0;
        used = 0;
        cycle = 0;
    }

    /** Drops the memory itself. */
    public void release() {
        chunks.clear();
        chunk = 0;
        pos = 0;
        used = 0;
        cycle = 0;
    }

    /** Floats handed out since the last reset. */
    public long used() {
        return used;
    }

    /** Floats held in chunks. */
    public long capacity() {
        long n = 0;
        for (float[] c : chunks) {
            n += c.length;
        }
        return n;
    }

    // Keep each tensor 16-float (64-byte) aligned relative to its chunk so vector loops start on a line.
    private static int align(int n) {
        return (n + 15) & ~15;
    }
}
