package io.github.seq2seq4j.eval;

import io.github.seq2seq4j.InputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Looks metrics up by name, for {@code evaluate --metrics bleu,chrf,wer} and early stopping.
 *
 * <p>"wer" has two conventions. On text it is the word-level edit distance (ASR, normalisation,
 * translation). When every segment is one word spelled letter by letter (grapheme-to-phoneme,
 * transliteration), a "word" is the whole segment and the word error rate is the share of words
 * whose output equals none of their references ({@link SequenceErrorRate}, as in the CMUdict
 * README and the G2P literature); {@link #parseList(String, boolean)} chooses between them.
 */
public final class Metrics {
    /** Every known name, in the order listed to users. */
    public static final List<String> NAMES = List.of("bleu", "chrf", "chrf++", "wer", "cer", "per", "ser", "acc");

    private Metrics() {}

    /**
     * The metric with default settings for {@code name} (case-insensitive): "bleu" (sacreBLEU
     * corpus BLEU), "chrf", "chrf++", "wer" (word-level edit distance), "cer", "per" (G2P phoneme
     * error rate), "ser" (sequence error rate, 100 − acc), "acc".
     */
    public static Metric byName(String name) {
        switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "bleu":
                return new Bleu();
            case "chrf":
                return new ChrF();
            case "chrf++":
                return ChrF.plusPlus();
            case "wer":
                return new Wer();
            case "cer":
                return new Cer();
            case "per":
                return new Per();
            case "ser":
                return new SequenceErrorRate();
            case "acc":
                return new Accuracy();
            default:
                throw new InputException("unknown metric '" + name + "'; known metrics: " + String.join(", ", NAMES));
        }
    }

    /** Metrics from a comma-separated list such as "bleu,chrf,wer"; no blanks, no repeats. */
    public static List<Metric> parseList(String commaSeparated) {
        return parseList(commaSeparated, false);
    }

    /**
     * Like {@link #parseList(String)}; with {@code spelledWords} "wer" is the word-level error rate
     * of G2P and transliteration (a segment is one word; it is wrong unless it equals one of its
     * references) instead of the word edit distance.
     */
    public static List<Metric> parseList(String commaSeparated, boolean spelledWords) {
        List<Metric> out = new ArrayList<>();
        for (String part : commaSeparated.split(",", -1)) {
            if (part.isBlank()) {
                throw new InputException("empty name in metric list '" + commaSeparated + "'; known metrics: "
                        + String.join(", ", NAMES));
            }
            Metric m = spelledWords && part.trim().equalsIgnoreCase("wer")
                    ? SequenceErrorRate.asWordErrorRate() : byName(part);
            for (Metric seen : out) {
                if (seen.name().equals(m.name())) {
                    throw new InputException("metric '" + m.name() + "' listed twice in '" + commaSeparated + "'");
                }
            }
            out.add(m);
        }
        return out;
    }

    /**
     * Whether every source is one word spelled out: single characters (code points) separated by
     * single spaces, like CMUdict's "t o m a t o". Such a test set is scored with the G2P
     * convention for "wer".
     */
    public static boolean spelledWords(List<String> sources) {
        if (sources.isEmpty()) {
            return false;
        }
        for (String s : sources) {
            int n = s.length();
            if (n == 0) {
                return false;
            }
            int i = 0;
            while (i < n) {
                int cp = s.codePointAt(i);
                if (Character.isWhitespace(cp)) {
                    return false;
                }
                i += Character.charCount(cp);
                if (i < n) {
                    if (s.charAt(i) != ' ' || i + 1 == n) {
                        return false;
                    }
                    i++;
                }
            }
        }
        return true;
    }
}
