package io.github.seq2seq4j.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.seq2seq4j.Translation;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code POST /v1/translate} answer: per input, in order, its translations, best first.
 *
 * @param model   the model that translated
 * @param results one per input
 */
public record TranslateResponse(String model, List<Result> results) {
    /** The end-of-sentence token that labels the last attention row of a finished translation. */
    public static final String EOS = "</s>";

    /**
     * One input's translations.
     *
     * @param input        the input as received
     * @param sourceTokens the tokens the model read
     * @param translations best first, at most {@code nbest}
     */
    public record Result(String input, List<String> sourceTokens, List<Output> translations) {}

    /**
     * One translation.
     *
     * @param text            the detokenized output
     * @param tokens          the output tokens
     * @param score           total log-probability, end of sentence included
     * @param normalizedScore the score divided by the GNMT length penalty (the ranking key)
     * @param finished        false when decoding stopped at the length limit
     * @param attention       only when the request asked for it
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Output(String text, List<String> tokens, double score, double normalizedScore, boolean finished,
                         Attention attention) {}

    /**
     * Attention weights: one row per output step, one column per source token.
     *
     * @param sourceTokens column labels
     * @param outputTokens row labels: the output tokens, then {@code </s>} when the translation finished
     * @param weights      [outputTokens.size()][sourceTokens.size()], each row summing to 1
     */
    public record Attention(List<String> sourceTokens, List<String> outputTokens, float[][] weights) {}

    /** Builds the answer from the core's translations, one list per input. */
    public static TranslateResponse of(String model, List<String> inputs, List<List<Translation>> translations) {
        List<Result> results = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            List<Translation> nbest = translations.get(i);
            List<Output> outs = new ArrayList<>(nbest.size());
            List<String> sourceTokens = nbest.isEmpty() ? List.of() : nbest.get(0).sourceTokens();
            for (Translation t : nbest) {
                outs.add(new Output(t.text(), t.tokens(), t.score(), t.normalizedScore(), t.finished(), attention(t)));
            }
            results.add(new Result(inputs.get(i), sourceTokens, outs));
        }
        return new TranslateResponse(model, results);
    }

    private static Attention attention(Translation t) {
        if (t.attention() == null) {
            return null;
        }
        List<String> rows = new ArrayList<>(t.tokens());
        while (rows.size() < t.attention().length) {
            rows.add(EOS); // the step that produced </s>
        }
        return new Attention(t.sourceTokens(), rows, t.attention());
    }
}
