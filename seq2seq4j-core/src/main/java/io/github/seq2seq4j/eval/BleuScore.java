package io.github.seq2seq4j.eval;

/**
 * A BLEU score with its sufficient statistics, as sacreBLEU reports it. Precisions and the score
 * are in percent. {@code counts} and {@code totals} are the raw clipped-match and n-gram counts
 * (sacreBLEU's add-k smoothing also adds k to the counts it reports; these are left unsmoothed,
 * the smoothing shows in {@link #precisions()}).
 */
public final class BleuScore {
    private final double score;
    private final long[] counts;
    private final long[] totals;
    private final double[] precisions;
    private final double bp;
    private final long sysLen;
    private final long refLen;

    BleuScore(double score, long[] counts, long[] totals, double[] precisions, double bp, long sysLen, long refLen) {
        this.score = score;
        this.counts = counts.clone();
        this.totals = totals.clone();
        this.precisions = precisions.clone();
        this.bp = bp;
        this.sysLen = sysLen;
        this.refLen = refLen;
    }

    /** BLEU in percent, 0..100. */
    public double score() {
        return score;
    }

    /** Clipped n-gram matches for n = 1..maxOrder. */
    public long[] counts() {
        return counts.clone();
    }

    /** Hypothesis n-grams for n = 1..maxOrder. */
    public long[] totals() {
        return totals.clone();
    }

    /** Modified n-gram precisions in percent, after smoothing; 0 past the last order with n-grams. */
    public double[] precisions() {
        return precisions.clone();
    }

    /** Brevity penalty. */
    public double bp() {
        return bp;
    }

    /** Total hypothesis length in tokens. */
    public long sysLen() {
        return sysLen;
    }

    /** Total effective reference length (closest reference per segment). */
    public long refLen() {
        return refLen;
    }

    /** sys_len / ref_len, 0 when there is no reference token. */
    public double ratio() {
        return refLen == 0 ? 0.0 : (double) sysLen / refLen;
    }

    /** sacreBLEU's line, e.g. "BLEU = 48.53 82.4/50.0/45.5/37.5 (BP = 0.943 ratio = 0.944 hyp_len = 17 ref_len = 18)". */
    public String format() {
        return format(2);
    }

    /** As {@link #format()} with {@code width} decimals for the score. */
    public String format(int width) {
        StringBuilder sb = new StringBuilder("BLEU = ").append(PythonText.fixed(score, width)).append(' ');
        for (int i = 0; i < precisions.length; i++) {
            if (i > 0) {
                sb.append('/');
            }
            sb.append(PythonText.fixed(precisions[i], 1));
        }
        sb.append(" (BP = ").append(PythonText.fixed(bp, 3))
                .append(" ratio = ").append(PythonText.fixed(ratio(), 3))
                .append(" hyp_len = ").append(sysLen)
                .append(" ref_len = ").append(refLen).append(')');
        return sb.toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
