package io.github.seq2seq4j;

import java.util.List;

/**
 * One translation of a source sentence.
 *
 * @param text            the detokenized output
 * @param tokens          the output tokens (specials other than EOS appear literally)
 * @param score           total log-probability, including EOS when it was produced
 * @param normalizedScore the score divided by the GNMT length penalty used for ranking
 * @param finished        true if EOS was produced, false if decoding hit the length limit
 * @param sourceTokens    the tokens the source was split into
 * @param attention       weights [outputStep][sourceToken] per step (EOS included), or null
 */
public record Translation(String text, List<String> tokens, double score, double normalizedScore, boolean finished,
                          List<String> sourceTokens, float[][] attention) {}
