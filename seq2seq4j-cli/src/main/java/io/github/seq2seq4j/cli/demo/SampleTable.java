package io.github.seq2seq4j.cli.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * The few held-out words the demo prints: chosen evenly through the (alphabetical) dev set, so the
 * same words appear in every run, and laid out as a table of word, prediction, reference and a
 * mark ({@value #RIGHT} right, {@value #WRONG} wrong).
 */
public final class SampleTable {
    /** The mark of a prediction that equals one of the word's pronunciations. */
    public static final String RIGHT = "\u2713";
    /** The mark of a prediction that equals none of them. */
    public static final String WRONG = "\u2717";

    private SampleTable() {}

    /** {@code count} words spread evenly over {@code words} (all of them if there are fewer). */
    public static <T> List<T> pick(List<T> words, int count) {
        int n = words.size();
        if (count >= n) {
            return List.copyOf(words);
        }
        List<T> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(words.get((int) ((2L * i + 1) * n / (2L * count)))); // the middle of each of count equal parts
        }
        return out;
    }

    /**
     * The table's lines: a header, then one line per word. The reference shown is the pronunciation
     * the prediction is scored against; "(+N)" says the word has N more.
     */
    public static List<String> format(List<WordResult> words) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"word", "predicted", "reference", ""});
        for (WordResult w : words) {
            int others = w.references().size() - 1;
            rows.add(new String[] {w.word(), w.hypothesis(), w.closestReference() + (others > 0 ? " (+" + others + ")" : ""),
                w.correct() ? RIGHT : WRONG});
        }
        int[] width = new int[3];
        for (String[] r : rows) {
            for (int c = 0; c < width.length; c++) {
                width[c] = Math.max(width[c], r[c].length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder("  ");
            for (int c = 0; c < width.length; c++) {
                sb.append(r[c]).append(" ".repeat(width[c] - r[c].length() + 2));
            }
            lines.add(sb.append(r[3]).toString().stripTrailing());
        }
        return lines;
    }
}
