package io.github.seq2seq4j.cli.translate;

import io.github.seq2seq4j.Translation;
import java.util.List;
import java.util.Locale;

/**
 * The lines {@code translate} writes for one source, the reference's format extended:
 * <ul>
 *   <li>plain: the translation;
 *   <li>{@code --scores}: translation TAB score, the total log-probability including {@code </s>},
 *       printed {@code %.6f} as the reference prints it;
 *   <li>{@code --nbest N}: N lines {@code index TAB translation TAB score}, index the 0-based
 *       source line, best first;
 *   <li>{@code --normalized}: one more column, the score divided by the GNMT length penalty (the
 *       beam's ranking key); it implies the score column.
 * </ul>
 * An empty source gives an empty translation with score 0.000000.
 */
public record OutputFormat(boolean scores, boolean nbest, boolean normalized) {
    /** Appends the lines of one source (each ending in '\n') to {@code out}. */
    public void append(StringBuilder out, long index, List<Translation> translations) {
        if (!nbest) {
            Translation t = translations.get(0);
            out.append(t.text());
            columns(out, t);
            out.append('\n');
            return;
        }
        for (Translation t : translations) {
            out.append(index).append('\t').append(t.text());
            out.append('\t').append(score(t.score()));
            if (normalized) {
                out.append('\t').append(score(t.normalizedScore()));
            }
            out.append('\n');
        }
    }

    private void columns(StringBuilder out, Translation t) {
        if (scores || normalized) {
            out.append('\t').append(score(t.score()));
        }
        if (normalized) {
            out.append('\t').append(score(t.normalizedScore()));
        }
    }

    static String score(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }
}
