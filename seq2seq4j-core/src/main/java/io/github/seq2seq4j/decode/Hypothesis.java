package io.github.seq2seq4j.decode;

/**
 * A decoded sequence.
 *
 * @param tokens    target ids without BOS and EOS
 * @param score     total log-probability of the emitted tokens, including EOS if it was produced
 * @param finished  true if EOS was produced (false: stopped at the length limit)
 * @param attention per output step (EOS included when produced), the weights over the source
 *                  positions [steps][srcLen]; null without attention or when not requested
 */
public record Hypothesis(int[] tokens, double score, boolean finished, float[][] attention) {
    /** Number of tokens scored: the tokens plus EOS when finished. */
    public int scoredLength() {
        return tokens.length + (finished ? 1 : 0);
    }

    /** GNMT length penalty (Wu et al. 2016) {@code ((5 + n) / 6)^α}, n counting EOS. */
    public static double lengthPenalty(int n, double alpha) {
        return Math.pow((5.0 + n) / 6.0, alpha);
    }

    /** The score divided by the length penalty: the ranking key of beam search. */
    public double normalizedScore(double alpha) {
        return score / lengthPenalty(scoredLength(), alpha);
    }
}
