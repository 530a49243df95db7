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
 * <p>Products with packed weights give exactly the bits of the ordinary products. Packing can be
 * turned off with {@code -Dseq2seq4j.packWeights=false} (for measurements).
 */
public final class WeightPacks {
    private static final boolean ENABLED = !"false".equals(System.getProperty("seq2seq4j.packWeights"));

    private static final class Entry {
        final PackedMatrix packed = new PackedMatrix();
        int uses;
        boolean valid;
    }

    private final boolean enabled;
    private final Map<Tensor, Entry> transposed = new IdentityHashMap<>();
    private final Map<Tensor, Entry> plain = new IdentityHashMap<>();

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
        Entry e = map.get(w);
        if (e == null) {
            e = new Entry();
            map.put(w, e);
        }
        if (e.valid) {
            return e.packed;
        }
        e.uses += uses;
        if (e.uses < 2) {
            return null;
        }
        int rows = w.dim(0);
        int cols = w.dim(1);
        // op(B) = Wᵀ [cols, rows] from W stored [rows, cols], or W itself
        Gemm.pack(trans, trans ? cols : rows, trans ? rows : cols, w.data(), w.offset(), cols, e.packed);
        e.valid = true;
        return e.packed;
    }

    /** Ends a cycle: nothing packed so far is used again; weights not requested in this cycle are forgotten. */
    public void invalidate() {
        sweep(transposed);
        sweep(plain);
    }

    private static void sweep(Map<Tensor, Entry> map) {
        if (map.isEmpty()) {
            return;
        }
        map.values().removeIf(e -> e.uses == 0);
        for (Entry e : map.values()) {
            e.uses = 0;
            e.valid = false;
        }
    }

    /** Weights packed in this cycle (for tests and memory accounting). */
    public int packedCount() {
        int n = 0;
        for (Entry e : transposed.values()) {
            n += e.valid ? 1 : 0;
        }
        for (Entry e : plain.values()) {
            n += e.valid ? 1 : 0;
        }
        return n;
    }
}
