package io.github.seq2seq4j.data;

import java.util.List;

/**
 * Splits on runs of white space and joins with one space, as the reference's "whitespace"
 * tokenizer ({@code str.split()} / {@code " ".join}). White space is Python's definition (see
 * {@link Whitespace}), which includes U+0085 and the no-break spaces that Java's
 * {@code Character.isWhitespace} leaves out; zero-width characters such as U+200B are not space.
 */
public final class WhitespaceTokenizer implements Tokenizer {
    /** The configuration name. */
    public static final String NAME = "whitespace";

    @Override
    public List<String> tokenize(String text) {
        return Whitespace.split(text);
    }

    @Override
    public String detokenize(List<String> tokens) {
        return String.join(" ", tokens);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String toString() {
        return NAME;
    }
}
