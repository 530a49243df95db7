package io.github.seq2seq4j.eval;

import io.github.seq2seq4j.InputException;
import java.util.List;

/**
 * Corpus BLEU (Papineni et al. 2002) computed the way sacreBLEU 2.x computes it, so that scores
 * agree with sacreBLEU's to floating-point precision: the same tokenizers, clipping against the
 * per-n-gram maximum count over all references, the closest reference length for the brevity
 * penalty (ties go to the shorter reference), the same smoothing methods and effective order.
 *
 * <p>Immutable; the {@code with...} methods return modified copies. Defaults are sacreBLEU's
 * corpus defaults: tokenizer 13a, case-sensitive, max order 4, {@code exp} smoothing, no
 * effective order.
 */
public final class Bleu implements Metric {
    /** sacreBLEU's default maximum n-gram order. */
    public static final int MAX_ORDER = 4;

    // log of a zero precision in sacreBLEU's geometric mean; makes the score exactly 0
    private static final double LOG_ZERO = -9999999999.0;

    private final BleuTokenizer tokenizer;
    private final boolean lowercase;
    private final Smoothing smoothing;
    private final double smoothValue;
    private final int maxOrder;
    private final boolean effectiveOrder;

    /** sacreBLEU's corpus-level defaults. */
    public Bleu() {
        this(BleuTokenizer.THIRTEEN_A, false, Smoothing.EXP, Double.NaN, MAX_ORDER, false);
    }

    private Bleu(BleuTokenizer tokenizer, boolean lowercase, Smoothing smoothing, double smoothValue,
                 int maxOrder, boolean effectiveOrder) {
        if (maxOrder < 1) {
            throw new InputException("BLEU max n-gram order must be at least 1, got " + maxOrder);
        }
        if (smoothing.hasValue() && !Double.isNaN(smoothValue) && (smoothValue < 0 || Double.isInfinite(smoothValue))) {
            throw new InputException("BLEU " + smoothing.id() + " smoothing value must be finite and >= 0, got " + smoothValue);
        }
        this.tokenizer = tokenizer;
        this.lowercase = lowercase;
        this.smoothing = smoothing;
        this.smoothValue = smoothing.hasValue() ? (Double.isNaN(smoothValue) ? smoothing.defaultValue() : smoothValue) : Double.NaN;
        this.maxOrder = maxOrder;
        this.effectiveOrder = effectiveOrder;
    }

    /** sacreBLEU's {@code sentence_bleu} defaults: exp smoothing with effective order. */
    public static Bleu sentenceDefaults() {
        return new Bleu().withEffectiveOrder(true);
    }

    /** sacreBLEU's {@code sentence_bleu(hypothesis, references)}: one sentence, default settings. */
    public static BleuScore sentenceBleu(String hypothesis, List<String> references) {
        return sentenceDefaults().sentenceScore(hypothesis, references);
    }

    /** The same settings with another tokenizer (sacreBLEU's {@code tokenize}). */
    public Bleu withTokenizer(BleuTokenizer t) {
        return new Bleu(t, lowercase, smoothing, smoothValue, maxOrder, effectiveOrder);
    }

    /** The same settings, lowercasing hypotheses and references or not. */
    public Bleu withLowercase(boolean lc) {
        return new Bleu(tokenizer, lc, smoothing, smoothValue, maxOrder, effectiveOrder);
    }

    /** Smoothing with its default value (floor 0.1, add-k 1). */
    public Bleu withSmoothing(Smoothing s) {
        return new Bleu(tokenizer, lowercase, s, Double.NaN, maxOrder, effectiveOrder);
    }

    /** Smoothing with an explicit value (ignored by exp and none). */
    public Bleu withSmoothing(Smoothing s, double value) {
        return new Bleu(tokenizer, lowercase, s, value, maxOrder, effectiveOrder);
    }

    /** The same settings with n-grams up to order {@code n}. */
    public Bleu withMaxOrder(int n) {
        return new Bleu(tokenizer, lowercase, smoothing, smoothValue, n, effectiveOrder);
    }

    /** Average only over the orders the hypothesis has n-grams for; recommended for sentences. */
    public Bleu withEffectiveOrder(boolean on) {
        return new Bleu(tokenizer, lowercase, smoothing, smoothValue, maxOrder, on);
    }

    /** The tokenizer applied before counting n-grams. */
    public BleuTokenizer tokenizer() {
        return tokenizer;
    }

    /** The smoothing method. */
    public Smoothing smoothing() {
        return smoothing;
    }

    /** The highest n-gram order. */
    public int maxOrder() {
        return maxOrder;
    }

    @Override
    public String name() {
        return "bleu";
    }

    @Override
    public boolean higherIsBetter() {
        return true;
    }

    @Override
    public double score(List<String> hypotheses, List<? extends List<String>> references) {
        return corpusScore(hypotheses, references).score();
    }

    /** Corpus BLEU of {@code hypotheses}; {@code references.get(i)} are the references of hypothesis i. */
    public BleuScore corpusScore(List<String> hypotheses, List<? extends List<String>> references) {
        return score(corpusStats(hypotheses, references));
    }

    /** Summed sufficient statistics of a corpus. */
    public BleuStats corpusStats(List<String> hypotheses, List<? extends List<String>> references) {
        ReferenceSets.checkSizes(hypotheses, references);
        NgramIndexer indexer = new NgramIndexer();
        long[] acc = new long[2 + 2 * maxOrder];
        for (int i = 0; i < hypotheses.size(); i++) {
            addSegment(indexer, hypotheses.get(i), ReferenceSets.nonEmpty(references.get(i), i), acc);
        }
        return toStats(acc);
    }

    /** BLEU of one sentence with this instance's settings (see {@link #sentenceDefaults()}). */
    public BleuScore sentenceScore(String hypothesis, List<String> references) {
        return score(segmentStats(hypothesis, references));
    }

    /** Sufficient statistics of one segment. */
    public BleuStats segmentStats(String hypothesis, List<String> references) {
        long[] acc = new long[2 + 2 * maxOrder];
        addSegment(new NgramIndexer(), hypothesis, ReferenceSets.nonEmpty(references, 0), acc);
        return toStats(acc);
    }

    /** BLEU from (summed) statistics with this instance's smoothing and effective-order setting. */
    public BleuScore score(BleuStats stats) {
        if (stats.maxOrder() != maxOrder) {
            throw new IllegalArgumentException("statistics have order " + stats.maxOrder() + ", BLEU has " + maxOrder);
        }
        return compute(stats.correct(), stats.total(), stats.sysLen(), stats.refLen(), smoothing, smoothValue, effectiveOrder);
    }

    /**
     * BLEU from its sufficient statistics: brevity penalty times the geometric mean of the
     * (smoothed) modified n-gram precisions. Orders past the first one without any hypothesis
     * n-gram count as precision 0, unless {@code effectiveOrder} leaves them out of the mean.
     *
     * @param smoothValue the floor or k; NaN for the method's default
     */
    public static BleuScore compute(long[] correct, long[] total, long sysLen, long refLen,
                                    Smoothing smoothing, double smoothValue, boolean effectiveOrder) {
        int maxOrder = correct.length;
        double value = Double.isNaN(smoothValue) ? smoothing.defaultValue() : smoothValue;
        double bp;
        if (sysLen < refLen) {
            bp = sysLen > 0 ? Math.exp(1.0 - (double) refLen / sysLen) : 0.0;
        } else {
            bp = 1.0;
        }
        double[] precisions = new double[maxOrder];
        boolean anyMatch = false;
        for (long c : correct) {
            anyMatch |= c != 0;
        }
        if (!anyMatch) {
            // no match at any order: 0 whatever the smoothing (sacreBLEU issue #141)
            return new BleuScore(0.0, correct, total, precisions, bp, sysLen, refLen);
        }
        double expDenominator = 1.0;
        int effOrder = maxOrder;
        for (int n = 1; n <= maxOrder; n++) {
            double c = correct[n - 1];
            double t = total[n - 1];
            if (smoothing == Smoothing.ADD_K && n > 1) {
                c += value;
                t += value;
            }
            if (t == 0) {
                break;
            }
            if (effectiveOrder) {
                effOrder = n;
            }
            if (c == 0) {
                if (smoothing == Smoothing.EXP) {
                    expDenominator *= 2;
                    precisions[n - 1] = 100.0 / (expDenominator * t);
                } else if (smoothing == Smoothing.FLOOR) {
                    precisions[n - 1] = 100.0 * value / t;
                }
            } else {
                precisions[n - 1] = 100.0 * c / t;
            }
        }
        double logSum = 0.0;
        for (int n = 0; n < effOrder; n++) {
            logSum += precisions[n] == 0.0 ? LOG_ZERO : Math.log(precisions[n]);
        }
        double score = bp * Math.exp(logSum / effOrder);
        return new BleuScore(score, correct, total, precisions, bp, sysLen, refLen);
    }

    /**
     * sacreBLEU's reproducibility signature without the version field, e.g.
     * "nrefs:2|case:mixed|eff:no|tok:13a|smooth:exp".
     *
     * @param nrefs references per segment, -1 if it varies (see {@link ReferenceSets#count})
     */
    public String signature(int nrefs) {
        String smooth = smoothing.id();
        if (smoothing.hasValue()) {
            smooth += "[" + PythonText.fixed(smoothValue, 2) + "]";
        }
        return "nrefs:" + (nrefs < 0 ? "var" : Integer.toString(nrefs))
                + "|case:" + (lowercase ? "lc" : "mixed")
                + "|eff:" + (effectiveOrder ? "yes" : "no")
                + "|tok:" + tokenizer.id()
                + "|smooth:" + smooth
                + (maxOrder != MAX_ORDER ? "|order:" + maxOrder : "");
    }

    private String[] tokens(String line) {
        if (lowercase) {
            line = PythonText.lower(line);
        }
        return tokenizer.tokenize(PythonText.rstrip(line));
    }

    // acc = [sysLen, refLen, correct[0..maxOrder), total[0..maxOrder)]
    private void addSegment(NgramIndexer indexer, String hypothesis, List<String> references, long[] acc) {
        indexer.reset();
        int[][] hyp = indexer.ngrams(indexer.words(tokens(hypothesis)), maxOrder);
        int[][][] refs = new int[references.size()][][];
        for (int r = 0; r < refs.length; r++) {
            refs[r] = indexer.ngrams(indexer.words(tokens(references.get(r))), maxOrder);
        }
        int vocab = indexer.size();

        // clip counts: the most times each n-gram occurs in any single reference
        int[] refMax = new int[vocab];
        int[] count = new int[vocab];
        int hypLen = hyp[0].length;
        int closestDiff = -1;
        int closestLen = -1;
        for (int[][] ref : refs) {
            for (int[] ids : ref) {
                for (int id : ids) {
                    count[id]++;
                }
                for (int id : ids) {
                    if (count[id] > refMax[id]) {
                        refMax[id] = count[id];
                    }
                }
                for (int id : ids) {
                    count[id] = 0;
                }
            }
            int refLen = ref[0].length;
            int diff = Math.abs(hypLen - refLen);
            if (closestDiff < 0 || diff < closestDiff || (diff == closestDiff && refLen < closestLen)) {
                closestDiff = diff;
                closestLen = refLen;
            }
        }

        acc[0] += hypLen;
        acc[1] += closestLen;
        for (int n = 0; n < maxOrder; n++) {
            int[] ids = hyp[n];
            for (int id : ids) {
                count[id]++;
            }
            long matched = 0;
            for (int id : ids) {
                if (count[id] > 0) {
                    matched += Math.min(count[id], refMax[id]);
                    count[id] = 0; // each distinct n-gram once
                }
            }
            acc[2 + n] += matched;
            acc[2 + maxOrder + n] += ids.length;
        }
    }

    private BleuStats toStats(long[] acc) {
        long[] correct = new long[maxOrder];
        long[] total = new long[maxOrder];
        System.arraycopy(acc, 2, correct, 0, maxOrder);
        System.arraycopy(acc, 2 + maxOrder, total, 0, maxOrder);
        return new BleuStats(acc[0], acc[1], correct, total);
    }
}
