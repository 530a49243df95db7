package io.github.seq2seq4j.eval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Levenshtein distance (Levenshtein 1966): the fewest substitutions, deletions and insertions,
 * each of cost 1, that turn one sequence into another. Sequences are int arrays (token ids or
 * code points); string tokens are mapped to ids first so the inner loop compares ints.
 */
public final class EditDistance {
    private EditDistance() {}

    /** Distance between two int sequences, O(|a|·|b|) time and O(min) memory. */
    public static int distance(int[] a, int[] b) {
        if (a.length < b.length) {
            int[] t = a;
            a = b;
            b = t;
        }
        // b is the shorter: one row of |b|+1 cells
        int m = b.length;
        if (m == 0) {
            return a.length;
        }
        int[] row = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            row[j] = j;
        }
        for (int i = 1; i <= a.length; i++) {
            int ai = a[i - 1];
            int diag = row[0]; // d[i-1][j-1]
            int left = i; // d[i][j-1]
            row[0] = i;
            for (int j = 1; j <= m; j++) {
                int up = row[j]; // d[i-1][j]
                int v = diag + (ai == b[j - 1] ? 0 : 1);
                v = Math.min(v, up + 1);
                v = Math.min(v, left + 1);
                row[j] = v;
                diag = up;
                left = v;
            }
        }
        return row[m];
    }

    /** Distance between token sequences (tokens compared with {@code equals}). */
    public static int distance(List<String> a, List<String> b) {
        int[][] ids = toIds(a.toArray(new String[0]), b.toArray(new String[0]));
        return distance(ids[0], ids[1]);
    }

    /** Distance between token sequences (tokens compared with {@code equals}). */
    public static int distance(String[] a, String[] b) {
        int[][] ids = toIds(a, b);
        return distance(ids[0], ids[1]);
    }

    /** Character distance, counting code points (a surrogate pair is one character). */
    public static int codePointDistance(String a, String b) {
        return distance(a.codePoints().toArray(), b.codePoints().toArray());
    }

    /**
     * A minimum-cost alignment of {@code hypothesis} to {@code reference}, as operation counts.
     * Among equally cheap alignments the backtrace prefers, from the end, a match or substitution,
     * then a deletion, then an insertion; the distance is the same whichever is chosen.
     * Uses a full (|ref|+1)·(|hyp|+1) table.
     */
    public static EditCounts align(int[] reference, int[] hypothesis) {
        int n = reference.length;
        int m = hypothesis.length;
        long cells = (long) (n + 1) * (m + 1);
        if (cells > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("alignment table of " + (n + 1) + "x" + (m + 1) + " cells is too large");
        }
        int w = m + 1;
        int[] d = new int[(int) cells];
        for (int j = 0; j <= m; j++) {
            d[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            d[i * w] = i;
            int ri = reference[i - 1];
            for (int j = 1; j <= m; j++) {
                int sub = d[(i - 1) * w + j - 1] + (ri == hypothesis[j - 1] ? 0 : 1);
                int del = d[(i - 1) * w + j] + 1;
                int ins = d[i * w + j - 1] + 1;
                d[i * w + j] = Math.min(sub, Math.min(del, ins));
            }
        }
        int matches = 0;
        int subs = 0;
        int dels = 0;
        int ins = 0;
        int i = n;
        int j = m;
        while (i > 0 || j > 0) {
            int here = d[i * w + j];
            if (i > 0 && j > 0) {
                boolean same = reference[i - 1] == hypothesis[j - 1];
                if (d[(i - 1) * w + j - 1] + (same ? 0 : 1) == here) {
                    if (same) {
                        matches++;
                    } else {
                        subs++;
                    }
                    i--;
                    j--;
                    continue;
                }
            }
            if (i > 0 && d[(i - 1) * w + j] + 1 == here) {
                dels++;
                i--;
            } else {
                ins++;
                j--;
            }
        }
        return new EditCounts(matches, subs, dels, ins);
    }

    /** {@link #align(int[], int[])} for string tokens. */
    public static EditCounts align(List<String> reference, List<String> hypothesis) {
        int[][] ids = toIds(reference.toArray(new String[0]), hypothesis.toArray(new String[0]));
        return align(ids[0], ids[1]);
    }

    /** Maps string tokens to ids shared by all the given sequences (equal tokens, equal ids). */
    static int[][] toIds(String[]... sequences) {
        Map<String, Integer> ids = new HashMap<>();
        int[][] out = new int[sequences.length][];
        for (int s = 0; s < sequences.length; s++) {
            String[] seq = sequences[s];
            int[] o = new int[seq.length];
            for (int i = 0; i < seq.length; i++) {
                Integer id = ids.get(seq[i]);
                if (id == null) {
                    id = ids.size();
                    ids.put(seq[i], id);
                }
                o[i] = id;
            }
            out[s] = o;
        }
        return out;
    }
}
