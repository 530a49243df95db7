package io.github.seq2seq4j.autograd;

import io.github.seq2seq4j.kernels.Gemm;
import io.github.seq2seq4j.kernels.PackedMatrix;
import io.github.seq2seq4j.tensor.Tensor;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Weights packed once for the many products of one batch or one decoding run: a recurrent model
 * multiplies the same W_hh, attention and input weights at every time step, and {@link Gemm}
 * would copy each into its panel layout again on every call (17-20% of a small model's training
 * step, see docs/performance.md). A weight is packed on its second request in a cycle, so weights
 * used once (the output layer over a whole training batch) cost nothing extra.
 *
 * <p>Validity: a packed weight is a snapshot, so it must not outlive a change to the weight. A
 * cycle ends with {@link #invalidate()}: a {@link Graph} that owns its packs invalidates them on
 * {@link Graph#reset()} and {@link Graph#close()}, and a graph's parameters may not change while
 * it is open anyway (its backward reads them). Decoding invalidates at the end of each run.
 * Entries are keyed by the weight tensor's identity; storage is kept for the weights used in the
 * last cycle, so a steady training loop or decoder allocates nothing here.
 *
 * <p>A cycle may instead take its packs from a {@link FrozenPacks} ({@link #attach}), which keeps
 * them across cycles for weights that never change: every weight is then packed on its first
 * request, once for the frozen store's lifetime, and this object only remembers, per cycle, which
 * packs it has already fetched.
 *
 * <p>Products with packed weights give exactly the bits of the ordinary products. Packing can be
 * turned off with {@code -Dseq2seq4j.packWeights=false} (for measurements).
 */
public final class WeightPacks {
    private static final boolean ENABLED = !"false".equals(System.getProperty("seq2seq4j.packWeights"));

    private static final class Entry {
        PackedMatrix own; // storage this cache packs into, kept across cycles
        PackedMatrix current; // the pack valid in this cycle (own, or a FrozenPacks'), or null
        int uses;
    }

    private final boolean enabled;
    private final Map<Tensor, Entry> transposed = new IdentityHashMap<>();
    private final Map<Tensor, Entry> plain = new IdentityHashMap<>();
    // What this cycle took from the attached FrozenPacks' tables and tail packs, asked for at every
    // decoder step: fetched once per cycle, so its lock and tripwire are not on every step's path.
    private final Map<Tensor, float[]> tables = new IdentityHashMap<>();
    private final Map<Tensor, PackedMatrix> tails = new IdentityHashMap<>();
    private FrozenPacks frozen;
    // Whether this cycle asked for any weight. An empty cycle (a graph reset twice, as data-parallel
    // training does to its first graph) forgets nothing: it says nothing about which weights are in use.
    private boolean requested;

    /** Packs as configured (on unless -Dseq2seq4j.packWeights=false). */
    public WeightPacks() {
        this(ENABLED);
    }

    private WeightPacks(boolean enabled) {
        this.enabled = enabled;
    }

    /** A cache that never packs: every request returns null (the ordinary products). */
    public static WeightPacks none() {
        return new WeightPacks(false);
    }

    /**
     * Takes packs from {@code store} (kept across cycles) instead of packing per cycle, until
     * {@link #invalidate()}, which detaches it again; null detaches now. The caller promises what
     * {@link FrozenPacks} requires: the weights multiplied in this cycle never change.
     */
    public void attach(FrozenPacks store) {
        if (store != frozen) {
            tables.clear();
            tails.clear();
        }
        this.frozen = store;
    }

    /**
     * Wᵀ, packed as op(B) of {@code x·Wᵀ} for a weight W [out, in] (PyTorch's layout), or null when
     * it is not worth packing yet; {@code uses} is how many products the caller is about to run
     * with it (1 for a single product, T for a loop over T time steps).
     */
    public PackedMatrix transposed(Tensor w, int uses) {
        return get(transposed, w, true, uses);
    }

    /** W itself, packed as op(B) of {@code dy·W} (the input gradient of x·Wᵀ), or null; as {@link #transposed}. */
    public PackedMatrix plain(Tensor w, int uses) {
        return get(plain, w, false, uses);
    }

    private PackedMatrix get(Map<Tensor, Entry> map, Tensor w, boolean trans, int uses) {
        if (!enabled) {
            return null;
        }
        if (w.rank() != 2) {
            throw new IllegalArgumentException("WeightPacks: a weight must be 2-D, got " + java.util.Arrays.toString(w.shape()));
        }
        requested = true;
        Entry e = map.get(w);
        if (e == null) {
            e = new Entry();
            map.put(w, e);
        }
        if (e.current != null) {
            return e.current;
        }
        e.uses += uses;
        if (frozen != null) { // packed once for good: worth it even for a weight used once per cycle
            e.current = trans ? frozen.transposed(w) : frozen.plain(w);
            return e.current;
        }
        if (e.uses < 2) {
            return null;
        }
        if (e.own == null) {
            e.own = new PackedMatrix();
        }
        pack(w, trans, e.own);
        e.current = e.own;
        return e.current;
    }

    /**
     * With an attached {@link FrozenPacks}, its table of b + E[v]·Wᵀ for every row v of the
     * embedding E (see {@link FrozenPacks#inputTable}); otherwise, or when too large, null.
     */
    public float[] inputTable(Tensor embedding, Tensor w, Tensor bias) {
        if (!enabled || frozen == null) {
            return null;
        }
        float[] t = tables.get(w);
        if (t == null && !tables.containsKey(w)) {
            t = frozen.inputTable(embedding, w, bias);
            tables.put(w, t); // null too: over the limit stays over the limit
        }
        return t;
    }

    /** With an attached {@link FrozenPacks}, its pack of W[:, from:]ᵀ (see {@link FrozenPacks#transposedTail}); otherwise null. */
    public PackedMatrix transposedTail(Tensor w, int from) {
        if (!enabled || frozen == null) {
            return null;
        }
        PackedMatrix p = tails.get(w);
        if (p == null || p.depth() != w.dim(1) - from) {
            p = frozen.transposedTail(w, from);
            tails.put(w, p);
        }
        return p;
    }

    /** Packs op(B) = Wᵀ (trans) or W of a weight W [rows, cols] into {@code into}; shared with {@link FrozenPacks}. */
    static void pack(Tensor w, boolean trans, PackedMatrix into) {
        int rows = w.dim(0);
        int cols = w.dim(1);
        // op(B) = Wᵀ [cols, rows] from W stored [rows, cols], or W itself
        Gemm.pack(trans, trans ? cols : rows, trans ? rows : cols, w.data(), w.offset(), cols, into);
    }

    /**
     * Ends a cycle: nothing packed so far is used again, an attached {@link FrozenPacks} is
     * detached, and weights not requested in this cycle are forgotten, unless it requested none.
     */
    public void invalidate() {
        frozen = null;
        tables.clear();
        tails.clear();
        if (requested) {
            sweep(transposed);
            sweep(plain);
            requested = false;
        }
    }

    private static void sweep(Map<Tensor, Entry> map) {
        if (map.isEmpty()) {
            return;
        }
        map.values().removeIf(e -> e.uses == 0);
        for (Entry e : map.values()) {
            e.uses = 0;
            e.current = null;
        }
    }

    /** Weights packed in this cycle, or fetched from an attached {@link FrozenPacks} (for tests and memory accounting). */
    public int packedCount() {
        int n = 0;
        for (Entry e : transposed.values()) {
            n += e.current != null ? 1 : 0;
        }
        for (Entry e : plain.values()) {
            n += e.current != null ? 1 : 0;
        }
        return n;
    }
}
