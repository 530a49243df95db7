package io.github.seq2seq4j.eval;

import io.github.seq2seq4j.InputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Looks metrics up by name, for {@code evaluate --metrics bleu,chrf,wer} and early stopping. */
public final class Metrics {
    /** Every known name, in the order listed to users. */
    public static final List<String> NAMES = List.of("bleu", "chrf", "chrf++", "wer", "cer", "per", "acc");

    private Metrics() {}

    /**
     * The metric with default settings for {@code name} (case-insensitive): "bleu" (sacreBLEU
     * corpus BLEU), "chrf", "chrf++", "wer", "cer", "per" (G2P phoneme error rate), "acc".
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
            case "acc":
                return new Accuracy();
            default:
                throw new InputException("unknown metric '" + name + "'; known metrics: " + String.join(", ", NAMES));
        }
    }

    /** Metrics from a comma-separated list such as "bleu,chrf,wer"; no blanks, no repeats. */
    public static List<Metric> parseList(String commaSeparated) {
        List<Metric> out = new ArrayList<>();
        for (String part : commaSeparated.split(",", -1)) {
            if (part.isBlank()) {
                throw new InputException("empty name in metric list '" + commaSeparated + "'; known metrics: "
                        + String.join(", ", NAMES));
            }
            Metric m = byName(part);
            for (Metric seen : out) {
                if (seen.name().equals(m.name())) {
                    throw new InputException("metric '" + m.name() + "' listed twice in '" + commaSeparated + "'");
                }
            }
            out.add(m);
        }
        return out;
    }
}
