package io.github.seq2seq4j.eval;

import java.util.List;

/**
 * Character error rate: Σ character-level Levenshtein distances / Σ reference characters, in
 * percent. Characters are code points of the line after trimming it and collapsing each run of
 * whitespace to one space, so spaces between words count but layout does not. Several
 * references: the {@link ClosestReference} is charged. Case-sensitive unless {@link #withLowercase}.
 */
public final class Cer extends EditRate {
    private final boolean lowercase;

    public Cer() {
        this(false);
    }

    private Cer(boolean lowercase) {
        this.lowercase = lowercase;
    }

    public Cer withLowercase(boolean lc) {
        return new Cer(lc);
    }

    @Override
    public String name() {
        return "cer";
    }

    @Override
    String label() {
        return "CER";
    }

    @Override
    int[][] encode(String hypothesis, List<String> references) {
        int[][] out = new int[references.size() + 1][];
        out[0] = chars(hypothesis);
        for (int r = 0; r < references.size(); r++) {
            out[r + 1] = chars(references.get(r));
        }
        return out;
    }

    /** Code points of the words of {@code line} joined by single spaces. */
    int[] chars(String line) {
        String[] words = PythonText.split(lowercase ? PythonText.lower(line) : line);
        return String.join(" ", words).codePoints().toArray();
    }
}
