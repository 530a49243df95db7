package io.github.seq2seq4j.decode;

/**
 * How to decode.
 *
 * @param beam            beam size; 1 decodes greedily
 * @param alpha           GNMT length-penalty exponent for ranking beam hypotheses
 * @param nbest           hypotheses to return per source (at most {@code beam})
 * @param attention       keep the attention weights of every step
 * @param limit           maximum output length as a function of the source length
 * @param maxSourceTokens longer sources are rejected with an error (never silently truncated)
 * @param batchSize       sources decoded together
 */
public record DecodeOptions(int beam, double alpha, int nbest, boolean attention, LengthLimit limit, int maxSourceTokens,
                            int batchSize) {
    /** Greedy decoding, no attention, the default length limit, 1000 source tokens at most, batches of 64. */
    public static final DecodeOptions GREEDY = new DecodeOptions(1, 1.0, 1, false, LengthLimit.DEFAULT, 1000, 64);

    /** Checks {@code beam >= 1}, {@code 1 <= nbest <= beam} and positive limits. */
    public DecodeOptions {
        if (beam < 1 || nbest < 1 || nbest > beam) {
            throw new IllegalArgumentException("need beam >= 1 and 1 <= nbest <= beam (beam " + beam + ", nbest " + nbest + ")");
        }
        if (maxSourceTokens < 1 || batchSize < 1) {
            throw new IllegalArgumentException("max source tokens and batch size must be >= 1");
        }
    }

    /** Beam search with the given size and length penalty. */
    public static DecodeOptions beam(int beam, double alpha) {
        return new DecodeOptions(beam, alpha, 1, false, LengthLimit.DEFAULT, 1000, 64);
    }

    /** The same options returning the {@code n} best hypotheses (at most the beam). */
    public DecodeOptions withNbest(int n) {
        return new DecodeOptions(beam, alpha, n, attention, limit, maxSourceTokens, batchSize);
    }

    /** The same options, keeping the attention weights or not. */
    public DecodeOptions withAttention(boolean on) {
        return new DecodeOptions(beam, alpha, nbest, on, limit, maxSourceTokens, batchSize);
    }

    /** The same options with another output length limit. */
    public DecodeOptions withLimit(LengthLimit l) {
        return new DecodeOptions(beam, alpha, nbest, attention, l, maxSourceTokens, batchSize);
    }

    /** The same options, rejecting sources longer than {@code n} tokens. */
    public DecodeOptions withMaxSourceTokens(int n) {
        return new DecodeOptions(beam, alpha, nbest, attention, limit, n, batchSize);
    }

    /** The same options, decoding {@code n} sources together. */
    public DecodeOptions withBatchSize(int n) {
        return new DecodeOptions(beam, alpha, nbest, attention, limit, maxSourceTokens, n);
    }
}
