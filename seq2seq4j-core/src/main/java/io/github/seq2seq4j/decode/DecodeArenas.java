package io.github.seq2seq4j.decode;

import io.github.seq2seq4j.autograd.FrozenPacks;
import io.github.seq2seq4j.autograd.Graph;
import io.github.seq2seq4j.autograd.WeightPacks;
import io.github.seq2seq4j.tensor.Arena;

/**
 * Scratch memory for one decoding run: an arena for what the encoder computes once, and two that
 * alternate between decoder steps. Step t's tensors only feed step t + 1, so step t + 2 may reuse
 * step t's memory: a run needs two steps' worth however long it is, and the arenas go back to a
 * per-thread pool when the run ends, so decoding sentence after sentence allocates nothing new.
 * The three graphs share one {@link WeightPacks}: each weight is packed once per run (the model
 * cannot change during a run) and forgotten when the run ends, unless the run was given a
 * {@link FrozenPacks}, which keeps the packs of a model that never changes across runs and threads.
 *
 * <pre>{@code
 * try (DecodeArenas a = DecodeArenas.acquire()) {
 *     Encoded enc = model.encode(a.encoder(), src, lengths, srcTime);
 *     for (int t = 0; ...; t++) {
 *         Graph g = a.step(t); // forgets what step t − 2 allocated
 *         ...
 *     }
 * }
 * }</pre>
 */
public final class DecodeArenas implements AutoCloseable {
    /**
     * Arenas that grew past this many floats (256 MiB) are not kept by this thread for its next run:
     * their chunks go to the softly held pool of {@link Arena#release()}, which any arena may take from.
     */
    private static final long KEEP_LIMIT = 64L << 20;
    private static final ThreadLocal<DecodeArenas> IDLE = new ThreadLocal<>();

    private final Arena[] arenas = {new Arena(), new Arena(), new Arena()};
    private final WeightPacks packs = new WeightPacks();
    private final Graph encoder = Graph.of(false, arenas[0], packs);
    private final Graph[] steps = {Graph.of(false, arenas[1], packs), Graph.of(false, arenas[2], packs)};
    private boolean open;

    private DecodeArenas() {}

    /** This thread's idle arenas, or new ones if they are in use (nested runs). */
    public static DecodeArenas acquire() {
        return acquire(null);
    }

    /**
     * As {@link #acquire()}, for a run whose weights are packed in {@code frozen} (kept across
     * runs; the caller promises the weights never change, see {@link FrozenPacks}), or packed for
     * this run alone when it is null.
     */
    public static DecodeArenas acquire(FrozenPacks frozen) {
        DecodeArenas a = IDLE.get();
        if (a == null) {
            a = new DecodeArenas();
        } else {
            IDLE.remove();
        }
        a.open = true;
        a.packs.attach(frozen);
        return a;
    }

    /** The inference graph for the encoder and anything else the whole run reads. */
    public Graph encoder() {
        return encoder;
    }

    /** The inference graph for step t, emptied of what step t − 2 allocated. */
    public Graph step(int t) {
        Graph g = steps[t & 1];
        g.reset();
        return g;
    }

    /** Ends the run: every tensor from these arenas becomes invalid; the memory is kept for reuse. */
    @Override
    public void close() {
        if (!open) {
            return;
        }
        open = false;
        encoder.reset();
        steps[0].reset();
        steps[1].reset();
        packs.invalidate(); // also detaches the FrozenPacks
        for (Arena arena : arenas) {
            if (arena.capacity() > KEEP_LIMIT) {
                arena.release();
            }
        }
        if (IDLE.get() == null) {
            IDLE.set(this);
        }
    }
}
