package io.github.seq2seq4j.eval;

import java.util.List;

/**
 * Word error rate: Σ word-level Levenshtein distances / Σ reference words, in percent. Words are
 * whitespace-separated tokens. With several references a hypothesis is charged against its
 * {@link ClosestReference}. Case-sensitive unless {@link #withLowercase} (sacreBLEU's WER
 * lower-cases by default and divides by the mean reference length; with one reference and the
 * same casing the two agree).
 */
public final class Wer extends EditRate {
    private final boolean lowercase;

    public Wer() {
        this(false);
    }

    private Wer(boolean lowercase) {
        this.lowercase = lowercase;
    }

    public Wer withLowercase(boolean lc) {
        return new Wer(lc);
    }

    @Override
    public String name() {
        return "wer";
    }

    @Override
    String label() {
        return "WER";
    }

    @Override
    int[][] encode(String hypothesis, List<String> references) {
        String[][] tokens = new String[references.size() + 1][];
        tokens[0] = words(hypothesis);
        for (int r = 0; r < references.size(); r++) {
            tokens[r + 1] = words(references.get(r));
        }
        return EditDistance.toIds(tokens);
    }

    private String[] words(String line) {
        return PythonText.split(lowercase ? PythonText.lower(line) : line);
    }
}
