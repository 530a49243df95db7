package io.github.seq2seq4j.server.batch;

import io.github.seq2seq4j.decode.DecodeOptions;
import io.github.seq2seq4j.decode.LengthLimit;

/**
 * What sentences must share to be decoded in one batch: the model and every decoding option that
 * changes the search or its output.
 *
 * @param model     the served model's name
 * @param beam      beam size (1 is greedy)
 * @param alpha     GNMT length-penalty exponent
 * @param nbest     translations per sentence
 * @param attention whether attention weights are kept
 */
public record BatchKey(String model, int beam, double alpha, int nbest, boolean attention) {
    public BatchKey {
        if (model == null || beam < 1 || nbest < 1 || nbest > beam || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("invalid batch key: " + model + ", beam " + beam + ", nbest " + nbest
                    + ", alpha " + alpha);
        }
    }

    /** The core's options for a batch of {@code batchSize} sentences of at most {@code maxSourceTokens} tokens. */
    public DecodeOptions options(int batchSize, int maxSourceTokens) {
        return new DecodeOptions(beam, alpha, nbest, attention, LengthLimit.DEFAULT, maxSourceTokens, batchSize);
    }
}
