package io.github.seq2seq4j.eval;

import io.github.seq2seq4j.InputException;

/**
 * Perplexity, exp of the mean negative log-likelihood per predicted token (natural log). A
 * model that spreads probability uniformly over V tokens has perplexity V.
 */
public final class Perplexity {
    private Perplexity() {}

    /** exp(meanNll); meanNll in nats, >= 0. Overflows to infinity past about 709 nats. */
    public static double fromMeanNll(double meanNll) {
        if (Double.isNaN(meanNll) || meanNll < 0) {
            throw new InputException("mean negative log-likelihood must be a number >= 0, got " + meanNll);
        }
        return Math.exp(meanNll);
    }

    /** exp(totalNll / tokens): perplexity from a summed NLL over {@code tokens} predicted tokens. */
    public static double fromTotalNll(double totalNll, long tokens) {
        if (tokens <= 0) {
            throw new InputException("perplexity needs at least one token, got " + tokens);
        }
        return fromMeanNll(totalNll / tokens);
    }
}
