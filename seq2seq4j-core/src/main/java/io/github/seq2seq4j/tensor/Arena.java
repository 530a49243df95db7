package io.github.seq2seq4j.tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Per-batch scratch memory: tensors are carved out of large float chunks with a bump pointer and
 * all released at once by {@link #reset()} (Marian's workspace). After the first batch of a given
 * shape, later batches of the same shape allocate nothing from the Java heap.
 *
 * <p>Tensors handed out by an arena are valid until the next reset; copy out what must outlive it.
 * Not thread-safe: one arena per graph.
 */
public final class Arena {
    /** 1M floats (4 MiB) per chunk; larger requests get a chunk of their own. */
    private static final int CHUNK = 1 << 20;

    private final List<float[]> chunks = new ArrayList<>();
    private int chunk; // index of the chunk being filled
    private int pos; // next free float in that chunk
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
        chunk = 0;
        pos = 0;
        used = 0;
    }

    /** Drops the memory itself. */
    public void release() {
        chunks.clear();
        reset();
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
