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
    public static final DecodeOptions GREEDY = new DecodeOptions(1, 1.0, 1, false, LengthLimit.DEFAULT, 1000, 64);

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

    public DecodeOptions withNbest(int n) {
        return new DecodeOptions(beam, alpha, n, attention, limit, maxSourceTokens, batchSize);
    }

    public DecodeOptions withAttention(boolean on) {
        return new DecodeOptions(beam, alpha, nbest, on, limit, maxSourceTokens, batchSize);
    }

    public DecodeOptions withLimit(LengthLimit l) {
        return new DecodeOptions(beam, alpha, nbest, attention, l, maxSourceTokens, batchSize);
    }

    public DecodeOptions withMaxSourceTokens(int n) {
        return new DecodeOptions(beam, alpha, nbest, attention, limit, n, batchSize);
    }

    public DecodeOptions withBatchSize(int n) {
        return new DecodeOptions(beam, alpha, nbest, attention, limit, maxSourceTokens, n);
    }
}
