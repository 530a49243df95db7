package io.github.seq2seq4j.data;

import io.github.seq2seq4j.InputException;
import java.util.List;

/**
 * Turns a line of text into tokens and back. Implementations are immutable and thread-safe.
 */
public interface Tokenizer {

    /** The tokens of one line (no line terminator inside); an empty or blank line may give none. */
    List<String> tokenize(String text);

    /** The text for a token sequence, the inverse of {@link #tokenize} on normalized text. */
    String detokenize(List<String> tokens);

    /** The name used in model configurations: "char", "whitespace" or "bpe". */
    String name();

    /**
     * The tokenizer for a configuration name that needs no learned data: "char" or "whitespace".
     * A BPE tokenizer comes from {@link BpeTokenizer#load} or {@link BpeLearner}.
     */
    static Tokenizer forName(String name) {
        switch (name) {
            case CharTokenizer.NAME:
                return new CharTokenizer();
            case WhitespaceTokenizer.NAME:
                return new WhitespaceTokenizer();
            case BpeTokenizer.NAME:
                throw new InputException("tokenizer \"bpe\" needs its merges file (load it with BpeTokenizer.load)");
            default:
                throw new InputException("unknown tokenizer \"" + name + "\" (expected char, whitespace or bpe)");
        }
    }
}
