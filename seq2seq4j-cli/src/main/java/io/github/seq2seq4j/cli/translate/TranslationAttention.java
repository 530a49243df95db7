package io.github.seq2seq4j.cli.translate;

import io.github.seq2seq4j.Translation;
import io.github.seq2seq4j.cli.report.AttentionMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The attention of a {@link Translation} as an {@link AttentionMatrix}: one column per source
 * token, one row per output step, {@code </s>} included as the last row when the decoder produced
 * it (a translation cut by the length limit has no {@code </s>} row).
 */
public final class TranslationAttention {
    /** The output token a finished translation ends with. */
    public static final String EOS = "</s>";

    private TranslationAttention() {}

    /** The matrix, or null when the translation has no weights (an empty source). */
    public static AttentionMatrix matrix(Translation t) {
        if (t.attention() == null) {
            return null;
        }
        List<String> output = new ArrayList<>(t.tokens());
        if (t.finished()) {
            output.add(EOS);
        }
        if (t.attention().length != output.size()) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "attention has %d rows for %d output steps (%d tokens%s)", t.attention().length, output.size(),
                    t.tokens().size(), t.finished() ? " and </s>" : ""));
        }
        return new AttentionMatrix(t.sourceTokens(), output, t.attention());
    }
}
