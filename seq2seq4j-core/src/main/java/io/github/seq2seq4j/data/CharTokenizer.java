package io.github.seq2seq4j.data;

import java.util.ArrayList;
import java.util.List;

/**
 * One token per Unicode code point, as the reference's "char" tokenizer: the space U+0020 becomes
 * {@link #SPACE} (U+2581) so that vocabulary files, one token per line, stay readable. Other white
 * space (tab, no-break space) is kept as its own token. Detokenizing joins the tokens and turns
 * every U+2581 back into a space, so a U+2581 already present in the input reads back as a space.
 */
public final class CharTokenizer implements Tokenizer {
    /** The configuration name. */
    public static final String NAME = "char";
    /** U+2581 LOWER ONE EIGHTH BLOCK, the visible stand-in for a space. */
    public static final String SPACE = "\u2581";

    @Override
    public List<String> tokenize(String text) {
        List<String> out = new ArrayList<>(text.length());
        text.codePoints().forEach(c -> out.add(c == ' ' ? SPACE : new String(Character.toChars(c))));
        return out;
    }

    @Override
    public String detokenize(List<String> tokens) {
        return String.join("", tokens).replace(SPACE, " ");
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
