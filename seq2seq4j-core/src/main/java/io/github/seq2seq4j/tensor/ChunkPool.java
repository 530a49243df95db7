package io.github.seq2seq4j.tensor;

import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.List;

/**
 * Chunks that released arenas gave back, for the next arena that grows: what malloc's free list
 * is to PyTorch's tensors. Training's scratch, released when training ends, becomes decoding's, and
 * a decoding run's outsized arena the next run's, instead of the JVM committing new heap for each
 * while the old chunks wait for a full collection (the serial collector grows the old generation
 * for a large array rather than collect it). Chunks are held softly: memory the heap needs more
 * than the pool is taken back by the collector.
 */
final class ChunkPool {
    private static final List<SoftReference<float[]>> FREE = new ArrayList<>();

    private ChunkPool() {}

    /** Takes back a chunk no tensor refers to any more. */
    static synchronized void give(float[] chunk) {
        FREE.add(new SoftReference<>(chunk));
    }

    /** The smallest pooled chunk of at least {@code min} floats, or null (then the caller allocates). */
    static synchronized float[] take(int min) {
        FREE.removeIf(r -> r.get() == null); // those the collector took
        SoftReference<float[]> best = null;
        float[] chunk = null; // held strongly once found, so the collector cannot take it meanwhile
        for (SoftReference<float[]> r : FREE) {
            float[] c = r.get();
            if (c != null && c.length >= min && (chunk == null || c.length < chunk.length)) {
                best = r;
                chunk = c;
            }
        }
        FREE.remove(best); // no-op for null
        return chunk;
    }

    /** Floats held (for tests). */
    static synchronized long floats() {
        long n = 0;
        for (SoftReference<float[]> r : FREE) {
            float[] c = r.get();
            n += c == null ? 0 : c.length;
        }
        return n;
    }
}
