package io.github.seq2seq4j.data;

import java.util.Arrays;
import java.util.List;

/**
 * A padded batch, batch-major and row-major, laid out exactly as the reference's {@code fixture}
 * builds it: with S the longest source and T the longest target plus one,
 * <pre>
 *   src    [B,S]  source ids, then PAD
 *   srcLen [B]    source lengths
 *   tgtIn  [B,T]  BOS, target ids, then PAD
 *   tgtOut [B,T]  target ids, EOS, then PAD
 * </pre>
 * {@code indices[b]} is the corpus index of row b. The arrays are the batch's own; read, do not write.
 */
public final class Batch {
    private final int size;
    private final int srcWidth;
    private final int tgtWidth;
    private final int[] src;
    private final int[] srcLen;
    private final int[] tgtIn;
    private final int[] tgtOut;
    private final long[] indices;
    private final int sourceTokens;
    private final int targetTokens;

    private Batch(int size, int srcWidth, int tgtWidth, int[] src, int[] srcLen, int[] tgtIn, int[] tgtOut,
            long[] indices, int sourceTokens, int targetTokens) {
        this.size = size;
        this.srcWidth = srcWidth;
        this.tgtWidth = tgtWidth;
        this.src = src;
        this.srcLen = srcLen;
        this.tgtIn = tgtIn;
        this.tgtOut = tgtOut;
        this.indices = indices;
        this.sourceTokens = sourceTokens;
        this.targetTokens = targetTokens;
    }

    /** Pads the examples, in this order, into one batch. */
    public static Batch of(List<Example> examples) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one example");
        }
        int batch = examples.size();
        int srcWidth = 0;
        int tgtWidth = 0;
        for (Example e : examples) {
            srcWidth = Math.max(srcWidth, e.source().length);
            tgtWidth = Math.max(tgtWidth, e.target().length + 1);
        }
        int[] src = new int[batch * srcWidth];     // [B,S]; PAD is 0, so new arrays come padded
        int[] srcLen = new int[batch];             // [B]
        int[] tgtIn = new int[batch * tgtWidth];   // [B,T]
        int[] tgtOut = new int[batch * tgtWidth];  // [B,T]
        long[] indices = new long[batch];
        int sourceTokens = 0;
        int targetTokens = 0;
        for (int b = 0; b < batch; b++) {
            Example e = examples.get(b);
            int n = e.source().length;
            int m = e.target().length;
            System.arraycopy(e.source(), 0, src, b * srcWidth, n);
            srcLen[b] = n;
            tgtIn[b * tgtWidth] = Vocabulary.BOS;
            System.arraycopy(e.target(), 0, tgtIn, b * tgtWidth + 1, m);
            System.arraycopy(e.target(), 0, tgtOut, b * tgtWidth, m);
            tgtOut[b * tgtWidth + m] = Vocabulary.EOS;
            indices[b] = e.index();
            sourceTokens += n;
            targetTokens += m + 1;
        }
        return new Batch(batch, srcWidth, tgtWidth, src, srcLen, tgtIn, tgtOut, indices, sourceTokens, targetTokens);
    }

    /**
     * The batch of rows {@code which} of this one, in that order, padded to their own longest
     * source and target: exactly {@link #of} of those rows' examples.
     */
    public Batch rows(int[] which) {
        if (which.length == 0) {
            throw new IllegalArgumentException("a batch needs at least one row");
        }
        int sw = 0;
        int tw = 0;
        for (int r : which) {
            sw = Math.max(sw, srcLen[r]);
            tw = Math.max(tw, targetLength(r) + 1);
        }
        int n = which.length;
        int[] s = new int[n * sw];
        int[] sl = new int[n];
        int[] ti = new int[n * tw];
        int[] to = new int[n * tw];
        long[] ix = new long[n];
        int st = 0;
        int tt = 0;
        for (int i = 0; i < n; i++) {
            int r = which[i];
            int m = targetLength(r) + 1; // the target and BOS (tgtIn) or EOS (tgtOut)
            System.arraycopy(src, r * srcWidth, s, i * sw, srcLen[r]);
            System.arraycopy(tgtIn, r * tgtWidth, ti, i * tw, m);
            System.arraycopy(tgtOut, r * tgtWidth, to, i * tw, m);
            sl[i] = srcLen[r];
            ix[i] = indices[r];
            st += srcLen[r];
            tt += m;
        }
        return new Batch(n, sw, tw, s, sl, ti, to, ix, st, tt);
    }

    /** Target tokens of row r, without EOS: tgtOut's row is the target, EOS, then PAD. */
    public int targetLength(int r) {
        int o = r * tgtWidth;
        int m = 0;
        while (m < tgtWidth && tgtOut[o + m] != Vocabulary.EOS) {
            m++;
        }
        return m;
    }

    /** B, the number of sentences. */
    public int size() {
        return size;
    }

    /** S, the longest source. */
    public int srcWidth() {
        return srcWidth;
    }

    /** T, the longest target plus one (for BOS or EOS). */
    public int tgtWidth() {
        return tgtWidth;
    }

    /** [B,S] source ids, PAD-padded. */
    public int[] src() {
        return src;
    }

    /** [B] source lengths. */
    public int[] srcLen() {
        return srcLen;
    }

    /** [B,T] decoder inputs: BOS then the target. */
    public int[] tgtIn() {
        return tgtIn;
    }

    /** [B,T] decoder outputs: the target then EOS. */
    public int[] tgtOut() {
        return tgtOut;
    }

    /** [B] corpus index of each row. */
    public long[] indices() {
        return indices;
    }

    /** Non-pad source tokens. */
    public int sourceTokens() {
        return sourceTokens;
    }

    /** Non-pad entries of tgtOut (target tokens plus one EOS per row): the loss's denominator. */
    public int targetTokens() {
        return targetTokens;
    }

    /** B · max(S, T): the padded size the token budget of a {@link Batcher} limits. */
    public int paddedTokens() {
        return size * Math.max(srcWidth, tgtWidth);
    }

    @Override
    public String toString() {
        return "Batch[B=" + size + ", S=" + srcWidth + ", T=" + tgtWidth + ", indices=" + Arrays.toString(indices) + "]";
    }
}
