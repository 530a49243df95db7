package io.github.seq2seq4j.autograd;

import io.github.seq2seq4j.kernels.Gemm;
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

    /**
     * Floats a table of input projections may take: 64 MiB by default, {@code
     * -Dseq2seq4j.inputTableMb=N} for N MiB (0: no tables). A table has V rows of the first layer's
     * gate width, so it can be many times the weights it stands for: the S and L models of
     * docs/performance.md need 15 K and 1 M floats per table, M (8000 × 1536 = 12.3 M floats, 49 MB,
     * three tables) 147 MB for 56 MB of weights, which makes its batch decoding 7-12 % faster
     * (change 30); a 32,000-word vocabulary with 1024 units (393 MB a table) stays out.
     */
    static final long TABLE_LIMIT = Long.getLong("seq2seq4j.inputTableMb", 64) << 18;

    /** A table of input projections and the samples of the three tensors it was computed from. */
    private static final class Table {
        final float[] rows;
        final Entry[] sources = new Entry[3];

        Table(float[] rows) {
            this.rows = rows;
        }
    }

    // Identity maps: two weights with equal values are still two weights.
    private final Map<Tensor, Entry> transposed = new IdentityHashMap<>();
    private final Map<Tensor, Entry> plain = new IdentityHashMap<>();
    private final Map<Tensor, Table> tables = new IdentityHashMap<>();
    private final Map<Tensor, Entry> tails = new IdentityHashMap<>();

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

    /**
     * The input projection of every row of an embedding table E [V, e] by the first e columns of a
     * weight W [out, in] (all of them when e = in) and bias b [out]: row v is b + E[v]·W[:, :e]ᵀ,
     * [V·out] row-major. Every element is the one chain of multiply-adds over the columns in order
     * that {@code MatMul.linear} computes, so looking row v up gives the bits of projecting token
     * v's embedding, and continuing the chain over the remaining columns ({@link #transposedTail})
     * gives those of projecting [E[v]; rest]. Null when the table would exceed {@link #TABLE_LIMIT}.
     * Cached per W; E and b must be the same on every call for a given W.
     */
    public synchronized float[] inputTable(Tensor embedding, Tensor w, Tensor bias) {
        Table t = tables.get(w);
        if (t == null) {
            int vocab = embedding.dim(0);
            int e = embedding.dim(1);
            int out = w.dim(0);
            int in = w.dim(1);
            if ((long) vocab * out > TABLE_LIMIT || e > in || bias.size() != out) {
                return null;
            }
            float[] rows = new float[vocab * out];
            for (int v = 0; v < vocab; v++) { // start from the bias, then accumulate the product
                System.arraycopy(bias.data(), bias.offset(), rows, v * out, out);
            }
            Gemm.gemm(false, true, vocab, out, e, embedding.data(), embedding.offset(), e, w.data(), w.offset(), in,
                    rows, 0, out, true);
            t = new Table(rows);
            Tensor[] from = {embedding, w, bias};
            for (int i = 0; i < 3; i++) {
                t.sources[i] = remember(from[i], new Entry(from[i].size() == 0 ? 0 : SAMPLES));
            }
            tables.put(w, t);
            return t.rows;
        }
        check(t.sources[0], embedding);
        check(t.sources[1], w);
        check(t.sources[2], bias);
        return t.rows;
    }

    /**
     * W[:, from:]ᵀ of a weight W [out, in], packed as op(B) of {@code rest·W[:, from:]ᵀ}: the
     * product that continues a row of {@link #inputTable} over the columns after the embedding's.
     * One {@code from} per weight.
     */
    public synchronized PackedMatrix transposedTail(Tensor w, int from) {
        int out = w.dim(0);
        int in = w.dim(1);
        if (from <= 0 || from >= in) {
            throw new IllegalArgumentException("FrozenPacks: tail from column " + from + " of a weight with " + in);
        }
        Entry e = tails.get(w);
        if (e == null) {
            e = new Entry(SAMPLES);
            Gemm.pack(true, in - from, out, w.data(), w.offset() + from, in, e.packed); // op(B) [in−from, out]
            tails.put(w, remember(w, e));
        } else if (e.packed.depth() != in - from) {
            throw new IllegalArgumentException("FrozenPacks: the tail of this weight was packed from another column");
        } else {
            check(e, w);
        }
        return e.packed;
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
        check(e, w);
        return e.packed;
    }

    /** Fails if one of the remembered elements of {@code w} changed. */
    private static void check(Entry e, Tensor w) {
        float[] d = w.data();
        for (int i = 0; i < e.at.length; i++) {
            if (Float.floatToRawIntBits(d[e.at[i]]) != e.bits[i]) {
                throw new IllegalStateException("FrozenPacks: the weight " + Arrays.toString(w.shape())
                        + " changed after it was packed; weights given to a FrozenPacks must never change"
                        + " (decode a model that is still trained without one)");
            }
        }
    }

    private static Entry pack(Tensor w, boolean trans) {
        Entry e = new Entry(w.size() == 0 ? 0 : SAMPLES);
        WeightPacks.pack(w, trans, e.packed);
        return remember(w, e);
    }

    /** Records {@code e.at.length} elements spread over the whole of {@code w} for {@link #check}. */
    private static Entry remember(Tensor w, Entry e) {
        long size = w.size();
        for (int i = 0; i < e.at.length; i++) {
            e.at[i] = w.offset() + (int) (size * (2L * i + 1) / (2L * SAMPLES));
            e.bits[i] = Float.floatToRawIntBits(w.data()[e.at[i]]);
        }
        return e;
    }

    /** Weights packed so far, Wᵀ and W counted apart (for tests and memory accounting). */
    public synchronized int packedCount() {
        return transposed.size() + plain.size() + tails.size();
    }

    /** Tables of input projections computed so far. */
    public synchronized int tableCount() {
        return tables.size();
    }
}
