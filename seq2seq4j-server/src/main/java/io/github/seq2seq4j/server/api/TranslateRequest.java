package io.github.seq2seq4j.server.api;

import java.util.List;

/**
 * A validated {@code POST /v1/translate} body.
 *
 * @param model     the served model's name (the default model when the request named none)
 * @param inputs    the sentences to translate, at least one
 * @param beam      beam size; 1 decodes greedily
 * @param nbest     translations returned per input, at most {@code beam}
 * @param alpha     GNMT length-penalty exponent used to rank hypotheses
 * @param attention whether to return attention weights
 */
public record TranslateRequest(String model, List<String> inputs, int beam, int nbest, double alpha, boolean attention) {
    public TranslateRequest {
        inputs = List.copyOf(inputs);
    }
}
