package io.github.seq2seq4j.eval;

import io.github.seq2seq4j.InputException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** How BLEU splits a detokenized line into tokens; names and behaviour follow sacreBLEU. */
public enum BleuTokenizer {
    /** mteval-v13a normalisation (WMT's and sacreBLEU's default). */
    THIRTEEN_A("13a") {
        @Override
        public String[] tokenize(String line) {
            return Mteval13a.tokenize(line);
        }
    },
    /** mteval-v14 international tokenization over Unicode punctuation and symbol classes. */
    INTL("intl") {
        @Override
        public String[] tokenize(String line) {
            return MtevalIntl.tokenize(line);
        }
    },
    /** Whitespace only, for text that is already tokenized. */
    NONE("none") {
        @Override
        public String[] tokenize(String line) {
            return PythonText.split(line);
        }
    },
    /** Every non-whitespace character is a token (for languages written without spaces). */
    CHAR("char") {
        @Override
        public String[] tokenize(String line) {
            int[] cps = PythonText.codePoints(line, false);
            String[] out = new String[cps.length];
            for (int i = 0; i < cps.length; i++) {
                out[i] = new String(cps, i, 1);
            }
            return out;
        }
    };

    private final String id;

    BleuTokenizer(String id) {
        this.id = id;
    }

    /** The tokens of {@code line}; never empty strings. */
    public abstract String[] tokenize(String line);

    /** sacreBLEU's name for this tokenizer ("13a", "intl", "none", "char"). */
    public String id() {
        return id;
    }

    /** Looks a tokenizer up by its sacreBLEU name. */
    public static BleuTokenizer byName(String name) {
        for (BleuTokenizer t : values()) {
            if (t.id.equals(name)) {
                return t;
            }
        }
        throw new InputException("unknown BLEU tokenizer '" + name + "'; known: "
                + Arrays.stream(values()).map(BleuTokenizer::id).collect(Collectors.joining(", ")));
    }
}
