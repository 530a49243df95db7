package io.github.seq2seq4j.autograd;

import io.github.seq2seq4j.kernels.PackedMatrix;
import io.github.seq2seq4j.tensor.Tensor;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Weights packed once for the lifetime of a model whose weights never change again, shared by
 * every decoding run and every thread. {@link WeightPacks} forgets its packs when a run ends,
 * because it cannot know whether the weights change before the next one; decoding single sentences
 * then spends most of its packing on weights it packed for the previous sentence (for the M model
 * of docs/performance.md ~12 of 64 ms per sentence). A run given a {@code FrozenPacks} (see
 * {@link WeightPacks#attach}) takes its packs from here instead.
 *
 * <p><b>The contract:</b> no weight given to this object may change while it is in use. A packed
 * weight is a snapshot; a later optimizer step, load or write into the weight's array is not seen.
 * {@code Seq2SeqModel} keeps this promise for the models it loads (their network is unreachable
 * until {@code network()} hands it out, which drops the packs for good). As a tripwire, not a
 * guarantee, each weight's pack remembers 16 of its elements and fails with an
 * {@link IllegalStateException} when a run finds one of them changed: that catches an optimizer step
 * or a load of other weights, not a write of a single element.
 *
 * <p>Thread-safe: a weight is packed once, under this object's lock, by the first run that asks
 * for it; the others wait for it and then share the finished, never again written pack. A run asks
 * once per weight (its {@link WeightPacks} remembers the answer), so the lock is not on the path of
 * every product. Memory: one packed copy (padded to whole panels) of each weight decoding
 * multiplies, whatever the number of threads.
 */
public final class FrozenPacks {
    private static final int SAMPLES = 16;

    private static final class Entry {
        final PackedMatrix packed = new PackedMatrix();
        final int[] at; // offsets into the weight's array
        final int[] bits; // their raw bits when packed

        Entry(int samples) {
            at = new int[samples];
            bits = new int[samples];
        }
    }

    // Identity maps: two weights with equal values are still two weights.
    private final Map<Tensor, Entry> transposed = new IdentityHashMap<>();
    private final Map<Tensor, Entry> plain = new IdentityHashMap<>();

    /** An empty store; weights are packed when first asked for. */
    public FrozenPacks() {}

    /** Wᵀ of a weight W [out, in], packed as op(B) of {@code x·Wᵀ}; packed now if it is not yet. */
    public PackedMatrix transposed(Tensor w) {
        return get(transposed, w, true);
    }

    /** W [out, in] itself, packed as op(B) of {@code dy·W}; packed now if it is not yet. */
    public PackedMatrix plain(Tensor w) {
        return get(plain, w, false);
    }

    private synchronized PackedMatrix get(Map<Tensor, Entry> map, Tensor w, boolean trans) {
        if (w.rank() != 2) {
            throw new IllegalArgumentException("FrozenPacks: a weight must be 2-D, got " + Arrays.toString(w.shape()));
        }
        Entry e = map.get(w);
        if (e == null) {
            e = pack(w, trans);
            map.put(w, e);
            return e.packed;
        }
        float[] d = w.data();
        for (int i = 0; i < e.at.length; i++) {
            if (Float.floatToRawIntBits(d[e.at[i]]) != e.bits[i]) {
                throw new IllegalStateException("FrozenPacks: the weight " + Arrays.toString(w.shape())
                        + " changed after it was packed; weights given to a FrozenPacks must never change"
                        + " (decode a model that is still trained without one)");
            }
        }
        return e.packed;
    }

    private static Entry pack(Tensor w, boolean trans) {
        Entry e = new Entry(w.size() == 0 ? 0 : SAMPLES);
        WeightPacks.pack(w, trans, e.packed);
        long size = w.size();
        for (int i = 0; i < e.at.length; i++) {
            e.at[i] = w.offset() + (int) (size * (2L * i + 1) / (2L * SAMPLES)); // spread over the whole weight
            e.bits[i] = Float.floatToRawIntBits(w.data()[e.at[i]]);
        }
        return e;
    }

    /** Weights packed so far, Wᵀ and W counted apart (for tests and memory accounting). */
    public synchronized int packedCount() {
        return transposed.size() + plain.size();
    }
}
