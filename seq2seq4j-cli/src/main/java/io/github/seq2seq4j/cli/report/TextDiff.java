package io.github.seq2seq4j.cli.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Marks where a hypothesis and its reference differ, for highlighting in the report: the units
 * (whitespace-separated tokens, or characters when neither side has any whitespace, as in a
 * character-level task) outside a longest common subsequence of the two are "changed".
 */
final class TextDiff {
    /** A run of text and whether it is outside the common subsequence. */
    record Span(String text, boolean changed) {}

    /** The two sides split into spans; joined back, each side gives its text (token sides re-joined by single spaces). */
    record Result(List<Span> hypothesis, List<Span> reference) {}

    private TextDiff() {}

    static Result diff(String hypothesis, String reference) {
        boolean byChar = !hasWhitespace(hypothesis) && !hasWhitespace(reference);
        List<String> h = units(hypothesis, byChar);
        List<String> r = units(reference, byChar);
        // lcs[i][j] = LCS length of h[i..] and r[j..]
        int[][] lcs = new int[h.size() + 1][r.size() + 1];
        for (int i = h.size() - 1; i >= 0; i--) {
            for (int j = r.size() - 1; j >= 0; j--) {
                lcs[i][j] = h.get(i).equals(r.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        boolean[] hKeep = new boolean[h.size()];
        boolean[] rKeep = new boolean[r.size()];
        int i = 0;
        int j = 0;
        while (i < h.size() && j < r.size()) {
            if (h.get(i).equals(r.get(j))) {
                hKeep[i++] = true;
                rKeep[j++] = true;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        String sep = byChar ? "" : " ";
        return new Result(spans(h, hKeep, sep), spans(r, rKeep, sep));
    }

    private static List<Span> spans(List<String> units, boolean[] keep, String sep) {
        List<Span> spans = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (int k = 0; k < units.size(); k++) {
            boolean changed = !keep[k];
            if (k > 0) {
                boolean runChanged = !keep[k - 1];
                if (changed == runChanged) {
                    run.append(sep);
                } else {
                    // the separator stays unhighlighted: it ends an unchanged run or starts one
                    if (!runChanged) {
                        run.append(sep);
                    }
                    spans.add(new Span(run.toString(), runChanged));
                    run.setLength(0);
                    if (runChanged) {
                        run.append(sep);
                    }
                }
            }
            run.append(units.get(k));
        }
        if (!units.isEmpty()) {
            spans.add(new Span(run.toString(), !keep[units.size() - 1]));
        }
        return spans;
    }

    private static List<String> units(String text, boolean byChar) {
        List<String> out = new ArrayList<>();
        if (byChar) {
            text.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
        } else {
            for (String t : text.strip().split("\\s+")) {
                if (!t.isEmpty()) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    private static boolean hasWhitespace(String text) {
        return text.codePoints().anyMatch(Character::isWhitespace);
    }
}
