package io.github.seq2seq4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EditDistanceTest {
    @Test
    void textbookValues() {
        assertEquals(3, EditDistance.codePointDistance("kitten", "sitting"));
        assertEquals(2, EditDistance.codePointDistance("flaw", "lawn"));
        assertEquals(3, EditDistance.codePointDistance("", "abc"));
        assertEquals(3, EditDistance.codePointDistance("abc", ""));
        assertEquals(0, EditDistance.codePointDistance("", ""));
        assertEquals(1, EditDistance.distance(List.of("the", "cat", "sat"), List.of("the", "cat", "sits")));
        assertEquals(2, EditDistance.distance(new String[] {"a", "b"}, new String[] {"b", "a"}));
    }

    @Test
    void aSurrogatePairIsOneCharacter() {
        assertEquals(1, EditDistance.codePointDistance("\uD83D\uDE00a", "a"));
        assertEquals(1, EditDistance.codePointDistance("\uD83D\uDE00", "\uD83D\uDE01"));
    }

    @Test
    void alignCountsOperations() {
        // ref: the cat sat on the mat; hyp: the cat sit on mat mat now
        EditCounts c = EditDistance.align(List.of("the", "cat", "sat", "on", "the", "mat"),
                List.of("the", "cat", "sit", "on", "mat", "mat", "now"));
        assertEquals(3, c.distance());
        assertEquals(6, c.referenceLength());
        assertEquals(7, c.hypothesisLength());
        assertEquals(1, c.insertions() - c.deletions());

        EditCounts del = EditDistance.align(new int[] {1, 2, 3}, new int[] {1, 3});
        assertEquals(new EditCounts(2, 0, 1, 0), del);
        EditCounts ins = EditDistance.align(new int[] {1, 3}, new int[] {1, 2, 3});
        assertEquals(new EditCounts(2, 0, 0, 1), ins);
        assertEquals(new EditCounts(0, 0, 0, 2), EditDistance.align(new int[0], new int[] {4, 5}));
    }

    /** Plain recursion over the definition, for tiny inputs. */
    private static int naive(int[] a, int i, int[] b, int j) {
        if (i == a.length) {
            return b.length - j;
        }
        if (j == b.length) {
            return a.length - i;
        }
        int sub = naive(a, i + 1, b, j + 1) + (a[i] == b[j] ? 0 : 1);
        int del = naive(a, i + 1, b, j) + 1;
        int ins = naive(a, i, b, j + 1) + 1;
        return Math.min(sub, Math.min(del, ins));
    }

    private static int[] random(Random rng, int maxLen, int alphabet) {
        int[] s = new int[rng.nextInt(maxLen + 1)];
        for (int i = 0; i < s.length; i++) {
            s[i] = rng.nextInt(alphabet);
        }
        return s;
    }

    @Test
    void agreesWithTheRecursiveDefinitionOnSmallInputs() {
        Random rng = new Random(7);
        for (int t = 0; t < 300; t++) {
            int[] a = random(rng, 7, 3);
            int[] b = random(rng, 7, 3);
            int expected = naive(a, 0, b, 0);
            assertEquals(expected, EditDistance.distance(a, b));
            assertEquals(expected, EditDistance.align(a, b).distance());
        }
    }

    @Test
    void metricProperties() {
        Random rng = new Random(11);
        for (int t = 0; t < 500; t++) {
            int[] a = random(rng, 30, 4);
            int[] b = random(rng, 30, 4);
            int[] c = random(rng, 30, 4);
            int ab = EditDistance.distance(a, b);
            assertEquals(0, EditDistance.distance(a, a));
            assertEquals(ab, EditDistance.distance(b, a));
            assertTrue(ab >= Math.abs(a.length - b.length));
            assertTrue(ab <= Math.max(a.length, b.length));
            assertTrue(EditDistance.distance(a, c) <= ab + EditDistance.distance(b, c));
            EditCounts counts = EditDistance.align(b, a);
            assertEquals(ab, counts.distance());
            assertEquals(b.length, counts.referenceLength());
            assertEquals(a.length, counts.hypothesisLength());
        }
    }
}
