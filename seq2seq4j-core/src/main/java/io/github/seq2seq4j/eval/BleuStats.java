package io.github.seq2seq4j.eval;

import java.util.Arrays;

/**
 * BLEU's sufficient statistics for one segment or a whole corpus: hypothesis length, effective
 * reference length, clipped matches and hypothesis n-grams per order. Corpus BLEU is computed
 * from the sums over segments (never from an average of sentence scores), so these add up.
 */
public record BleuStats(long sysLen, long refLen, long[] correct, long[] total) {
    public BleuStats {
        if (correct.length != total.length || correct.length == 0) {
            throw new IllegalArgumentException("correct and total need one entry per n-gram order, got "
                    + correct.length + " and " + total.length);
        }
        correct = correct.clone();
        total = total.clone();
    }

    /** All-zero statistics for n-gram orders 1..maxOrder. */
    public static BleuStats zero(int maxOrder) {
        return new BleuStats(0, 0, new long[maxOrder], new long[maxOrder]);
    }

    /** Highest n-gram order. */
    public int maxOrder() {
        return correct.length;
    }

    /** Element-wise sum. */
    public BleuStats plus(BleuStats other) {
        if (other.maxOrder() != maxOrder()) {
            throw new IllegalArgumentException("n-gram orders differ: " + maxOrder() + " and " + other.maxOrder());
        }
        long[] c = correct.clone();
        long[] t = total.clone();
        for (int i = 0; i < c.length; i++) {
            c[i] += other.correct[i];
            t[i] += other.total[i];
        }
        return new BleuStats(sysLen + other.sysLen, refLen + other.refLen, c, t);
    }

    @Override
    public long[] correct() {
        return correct.clone();
    }

    @Override
    public long[] total() {
        return total.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BleuStats s && s.sysLen == sysLen && s.refLen == refLen
                && Arrays.equals(s.correct, correct) && Arrays.equals(s.total, total);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(sysLen) * 31 + Long.hashCode(refLen) + 17 * Arrays.hashCode(correct) + Arrays.hashCode(total);
    }

    @Override
    public String toString() {
        return "BleuStats[sysLen=" + sysLen + ", refLen=" + refLen + ", correct=" + Arrays.toString(correct)
                + ", total=" + Arrays.toString(total) + "]";
    }
}
