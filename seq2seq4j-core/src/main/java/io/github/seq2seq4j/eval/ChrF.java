package io.github.seq2seq4j.eval;

import io.github.seq2seq4j.InputException;
import java.util.ArrayList;
import java.util.List;

/**
 * chrF (Popović 2015), the character n-gram F-score, and chrF++ (Popović 2017), which adds word
 * unigrams and bigrams, computed as sacreBLEU 2.x computes them:
 *
 * <ul>
 *   <li>character n-grams of orders 1..6 over code points, with whitespace removed (by default);
 *   <li>for chrF++, word n-grams over whitespace tokens with one leading or trailing ASCII
 *       punctuation mark split off;
 *   <li>per order: hypothesis n-grams, reference n-grams, clipped matches; hypothesis n-grams count
 *       only when the reference has n-grams of that order;
 *   <li>with several references, each sentence keeps the statistics of the reference with the
 *       highest sentence-level score (the first one on ties);
 *   <li>corpus statistics are the sums over sentences; the score is the F-beta (beta = 2) of the
 *       precision and recall averaged over the orders where both hypothesis and reference have
 *       n-grams ("effective order"), or, with eps smoothing, the mean over all orders of per-order
 *       F-scores with 1e-16 standing in for undefined values (chrF++.py, Moses, NLTK).
 * </ul>
 */
public final class ChrF implements Metric {
    public static final int CHAR_ORDER = 6;
    public static final int WORD_ORDER = 0;
    public static final int BETA = 2;

    private static final double EPS = 1e-16;

    private final int charOrder;
    private final int wordOrder;
    private final int beta;
    private final boolean lowercase;
    private final boolean whitespace;
    private final boolean epsSmoothing;

    /** sacreBLEU's chrF defaults: chrF2, character order 6, no word n-grams, whitespace removed. */
    public ChrF() {
        this(CHAR_ORDER, WORD_ORDER, BETA, false, false, false);
    }

    private ChrF(int charOrder, int wordOrder, int beta, boolean lowercase, boolean whitespace, boolean epsSmoothing) {
        if (charOrder < 0 || wordOrder < 0 || charOrder + wordOrder == 0) {
            throw new InputException("chrF needs character order >= 0, word order >= 0 and one of them > 0; got "
                    + charOrder + " and " + wordOrder);
        }
        if (beta < 0) {
            throw new InputException("chrF beta must be >= 0, got " + beta);
        }
        this.charOrder = charOrder;
        this.wordOrder = wordOrder;
        this.beta = beta;
        this.lowercase = lowercase;
        this.whitespace = whitespace;
        this.epsSmoothing = epsSmoothing;
    }

    /** chrF++: chrF plus word unigrams and bigrams. */
    public static ChrF plusPlus() {
        return new ChrF().withWordOrder(2);
    }

    /** The same settings with character n-grams up to order {@code n} (default 6). */
    public ChrF withCharOrder(int n) {
        return new ChrF(n, wordOrder, beta, lowercase, whitespace, epsSmoothing);
    }

    /** The same settings with word n-grams up to order {@code n} (0 for chrF, 2 for chrF++). */
    public ChrF withWordOrder(int n) {
        return new ChrF(charOrder, n, beta, lowercase, whitespace, epsSmoothing);
    }

    /** The same settings with recall weighted {@code b} times as much as precision (default 2). */
    public ChrF withBeta(int b) {
        return new ChrF(charOrder, wordOrder, b, lowercase, whitespace, epsSmoothing);
    }

    /** The same settings, lowercasing or not. */
    public ChrF withLowercase(boolean lc) {
        return new ChrF(charOrder, wordOrder, beta, lc, whitespace, epsSmoothing);
    }

    /** Keep whitespace inside character n-grams (sacreBLEU's {@code whitespace=True}). */
    public ChrF withWhitespace(boolean keep) {
        return new ChrF(charOrder, wordOrder, beta, lowercase, keep, epsSmoothing);
    }

    /** Eps smoothing instead of effective order (sacreBLEU's {@code eps_smoothing=True}). */
    public ChrF withEpsSmoothing(boolean on) {
        return new ChrF(charOrder, wordOrder, beta, lowercase, whitespace, on);
    }

    /** Total number of orders, character plus word. */
    public int order() {
        return charOrder + wordOrder;
    }

    @Override
    public String name() {
        return "chrf" + "+".repeat(wordOrder);
    }

    @Override
    public boolean higherIsBetter() {
        return true;
    }

    @Override
    public double score(List<String> hypotheses, List<? extends List<String>> references) {
        return corpusScore(hypotheses, references).score();
    }

    /** The corpus score from statistics summed over all sentences, as sacreBLEU computes it. */
    public ChrFScore corpusScore(List<String> hypotheses, List<? extends List<String>> references) {
        return score(corpusStats(hypotheses, references));
    }

    /** The score of one sentence against its references (the best-matching one counts). */
    public ChrFScore sentenceScore(String hypothesis, List<String> references) {
        return score(segmentStats(hypothesis, references));
    }

    /** Score from (summed) statistics laid out as [hyp, ref, match] per order. */
    public ChrFScore score(long[] stats) {
        return new ChrFScore(fScore(stats), charOrder, wordOrder, beta);
    }

    /** Sums over segments of the best-reference statistics, 3 per order: hyp, ref, match. */
    public long[] corpusStats(List<String> hypotheses, List<? extends List<String>> references) {
        ReferenceSets.checkSizes(hypotheses, references);
        NgramIndexer indexer = new NgramIndexer();
        long[] sum = new long[3 * order()];
        for (int i = 0; i < hypotheses.size(); i++) {
            long[] s = segmentStats(indexer, hypotheses.get(i), ReferenceSets.nonEmpty(references.get(i), i));
            for (int k = 0; k < sum.length; k++) {
                sum[k] += s[k];
            }
        }
        return sum;
    }

    /** Statistics of one segment against its best-scoring reference. */
    public long[] segmentStats(String hypothesis, List<String> references) {
        return segmentStats(new NgramIndexer(), hypothesis, ReferenceSets.nonEmpty(references, 0));
    }

    /** The F-score in percent of statistics laid out as [hyp, ref, match] per order. */
    public double fScore(long[] stats) {
        int order = order();
        if (stats.length != 3 * order) {
            throw new IllegalArgumentException("chrF statistics need " + 3 * order + " entries, got " + stats.length);
        }
        double factor = (double) beta * beta;
        double epsScore = 0.0;
        double avgPrec = 0.0;
        double avgRec = 0.0;
        int effectiveOrder = 0;
        for (int i = 0; i < order; i++) {
            long nHyp = stats[3 * i];
            long nRef = stats[3 * i + 1];
            long nMatch = stats[3 * i + 2];
            double prec = nHyp > 0 ? (double) nMatch / nHyp : EPS;
            double rec = nRef > 0 ? (double) nMatch / nRef : EPS;
            double denom = factor * prec + rec;
            epsScore += denom > 0 ? (1 + factor) * prec * rec / denom : EPS;
            if (nHyp > 0 && nRef > 0) {
                avgPrec += prec;
                avgRec += rec;
                effectiveOrder++;
            }
        }
        if (epsSmoothing) {
            return 100 * epsScore / order;
        }
        if (effectiveOrder == 0) {
            return 0.0;
        }
        avgPrec /= effectiveOrder;
        avgRec /= effectiveOrder;
        if (avgPrec + avgRec == 0) {
            return 0.0;
        }
        double score = (1 + factor) * avgPrec * avgRec;
        score /= factor * avgPrec + avgRec;
        return 100 * score;
    }

    /** sacreBLEU's signature without the version, e.g. "nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no". */
    public String signature(int nrefs) {
        return "nrefs:" + (nrefs < 0 ? "var" : Integer.toString(nrefs))
                + "|case:" + (lowercase ? "lc" : "mixed")
                + "|eff:" + (epsSmoothing ? "no" : "yes")
                + "|nc:" + charOrder + "|nw:" + wordOrder
                + "|space:" + (whitespace ? "yes" : "no");
    }

    // n-gram ids per order: character orders first, then word orders
    private int[][] ngrams(NgramIndexer indexer, String line) {
        if (lowercase) {
            line = PythonText.lower(line);
        }
        int[][] out = new int[order()][];
        if (charOrder > 0) {
            int[][] chars = indexer.ngrams(indexer.chars(PythonText.codePoints(line, whitespace)), charOrder);
            System.arraycopy(chars, 0, out, 0, charOrder);
        }
        if (wordOrder > 0) {
            int[][] words = indexer.ngrams(indexer.words(splitPunctuation(line)), wordOrder);
            System.arraycopy(words, 0, out, charOrder, wordOrder);
        }
        return out;
    }

    private long[] segmentStats(NgramIndexer indexer, String hypothesis, List<String> references) {
        indexer.reset();
        int order = order();
        int[][] hyp = ngrams(indexer, hypothesis);
        int[][][] refs = new int[references.size()][][];
        for (int r = 0; r < refs.length; r++) {
            refs[r] = ngrams(indexer, references.get(r));
        }
        int[] count = new int[indexer.size()];

        // distinct hypothesis n-grams with their counts, per order
        int[][] distinctIds = new int[order][];
        int[][] distinctCounts = new int[order][];
        for (int o = 0; o < order; o++) {
            int[] ids = hyp[o];
            for (int id : ids) {
                count[id]++;
            }
            int[] dIds = new int[ids.length];
            int[] dCounts = new int[ids.length];
            int k = 0;
            for (int id : ids) {
                if (count[id] > 0) {
                    dIds[k] = id;
                    dCounts[k++] = count[id];
                    count[id] = 0;
                }
            }
            distinctIds[o] = java.util.Arrays.copyOf(dIds, k);
            distinctCounts[o] = java.util.Arrays.copyOf(dCounts, k);
        }

        long[] best = null;
        double bestF = -1.0;
        for (int[][] ref : refs) {
            long[] stats = new long[3 * order];
            for (int o = 0; o < order; o++) {
                int[] ids = ref[o];
                for (int id : ids) {
                    count[id]++;
                }
                long match = 0;
                int[] dIds = distinctIds[o];
                int[] dCounts = distinctCounts[o];
                for (int k = 0; k < dIds.length; k++) {
                    match += Math.min(dCounts[k], count[dIds[k]]);
                }
                for (int id : ids) {
                    count[id] = 0;
                }
                stats[3 * o] = ids.length > 0 ? hyp[o].length : 0;
                stats[3 * o + 1] = ids.length;
                stats[3 * o + 2] = match;
            }
            double f = fScore(stats);
            if (f > bestF) {
                bestF = f;
                best = stats;
            }
        }
        return best;
    }

    /**
     * chrF++'s word tokenization: whitespace tokens, and a token longer than one character that
     * ends (else starts) with ASCII punctuation is split in two there. "(hi)" gives "(hi" and ")".
     */
    static String[] splitPunctuation(String line) {
        String[] words = PythonText.split(line);
        List<String> out = new ArrayList<>(words.length + 4);
        for (String w : words) {
            if (w.codePointCount(0, w.length()) == 1) {
                out.add(w);
            } else if (isAsciiPunctuation(w.charAt(w.length() - 1))) {
                out.add(w.substring(0, w.length() - 1));
                out.add(w.substring(w.length() - 1));
            } else if (isAsciiPunctuation(w.charAt(0))) {
                out.add(w.substring(0, 1));
                out.add(w.substring(1));
            } else {
                out.add(w);
            }
        }
        return out.toArray(new String[0]);
    }

    /** Python's {@code string.punctuation}: the 32 printable ASCII characters that are not letters, digits or space. */
    static boolean isAsciiPunctuation(char c) {
        return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
    }
}
