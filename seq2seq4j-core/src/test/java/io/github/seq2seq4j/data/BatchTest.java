package io.github.seq2seq4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchTest {
    private static final int P = Vocabulary.PAD;
    private static final int S = Vocabulary.BOS;
    private static final int E = Vocabulary.EOS;

    @Test
    void layoutMatchesTheReferenceFixture() {
        List<Example> examples = List.of(
                new Example(7, new int[] {5, 6, 7}, new int[] {8}),
                new Example(2, new int[] {9}, new int[] {10, 11, 12}),
                new Example(4, new int[] {4, 4}, new int[] {}));
        Batch b = Batch.of(examples);
        assertEquals(3, b.size());
        assertEquals(3, b.srcWidth());
        assertEquals(4, b.tgtWidth()); // longest target 3, plus one
        assertArrayEquals(new int[] {
            5, 6, 7,
            9, P, P,
            4, 4, P}, b.src());
        assertArrayEquals(new int[] {3, 1, 2}, b.srcLen());
        assertArrayEquals(new int[] {
            S, 8, P, P,
            S, 10, 11, 12,
            S, P, P, P}, b.tgtIn());
        assertArrayEquals(new int[] {
            8, E, P, P,
            10, 11, 12, E,
            E, P, P, P}, b.tgtOut());
        assertArrayEquals(new long[] {7, 2, 4}, b.indices());
        assertEquals(6, b.sourceTokens());
        assertEquals(7, b.targetTokens());
        assertEquals(12, b.paddedTokens());
    }

    @Test
    void rowsAreTheBatchOfThoseRowsExamples() {
        List<Example> examples = List.of(
                new Example(7, new int[] {5, 6, 7}, new int[] {8}),
                new Example(2, new int[] {9}, new int[] {10, 11, 12}),
                new Example(4, new int[] {4, 4}, new int[] {}),
                new Example(5, new int[] {4, 5, 6, 7, 8}, new int[] {9, 9}));
        Batch b = Batch.of(examples);
        assertEquals(1, b.targetLength(0));
        assertEquals(3, b.targetLength(1));
        assertEquals(0, b.targetLength(2));
        for (int[] which : new int[][] {{2, 0}, {1}, {3, 1, 0, 2}, {0, 2}}) {
            List<Example> picked = new ArrayList<>();
            for (int r : which) {
                picked.add(examples.get(r));
            }
            Batch expected = Batch.of(picked);
            Batch got = b.rows(which);
            assertEquals(expected.size(), got.size());
            assertEquals(expected.srcWidth(), got.srcWidth(), "padded to the rows' own longest source");
            assertEquals(expected.tgtWidth(), got.tgtWidth(), "padded to the rows' own longest target");
            assertArrayEquals(expected.src(), got.src());
            assertArrayEquals(expected.srcLen(), got.srcLen());
            assertArrayEquals(expected.tgtIn(), got.tgtIn());
            assertArrayEquals(expected.tgtOut(), got.tgtOut());
            assertArrayEquals(expected.indices(), got.indices());
            assertEquals(expected.sourceTokens(), got.sourceTokens());
            assertEquals(expected.targetTokens(), got.targetTokens());
        }
        assertThrows(IllegalArgumentException.class, () -> b.rows(new int[0]));
    }

    @Test
    void equalsTheFixtureExpressionsOnRandomExamples() {
        // transcription of seq2seq_ref.py fixture: [BOS]+t+[PAD]*(T-1-len(t)) and t+[EOS]+[PAD]*(T-1-len(t))
        java.util.Random r = new java.util.Random(9);
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
            examples.add(new Example(i, randomIds(r, 1 + r.nextInt(9)), randomIds(r, r.nextInt(9))));
        }
        Batch b = Batch.of(examples);
        int srcMax = examples.stream().mapToInt(e -> e.source().length).max().orElseThrow();
        int tgtMax = examples.stream().mapToInt(e -> e.target().length).max().orElseThrow() + 1;
        List<Integer> src = new ArrayList<>();
        List<Integer> tgtIn = new ArrayList<>();
        List<Integer> tgtOut = new ArrayList<>();
        int nonPad = 0;
        for (Example e : examples) {
            for (int i = 0; i < srcMax; i++) {
                src.add(i < e.source().length ? e.source()[i] : P);
            }
            tgtIn.add(S);
            for (int t : e.target()) {
                tgtIn.add(t);
                tgtOut.add(t);
            }
            tgtOut.add(E);
            for (int i = 0; i < tgtMax - 1 - e.target().length; i++) {
                tgtIn.add(P);
                tgtOut.add(P);
            }
            nonPad += e.target().length + 1;
        }
        assertArrayEquals(src.stream().mapToInt(Integer::intValue).toArray(), b.src());
        assertArrayEquals(tgtIn.stream().mapToInt(Integer::intValue).toArray(), b.tgtIn());
        assertArrayEquals(tgtOut.stream().mapToInt(Integer::intValue).toArray(), b.tgtOut());
        assertEquals(nonPad, b.targetTokens());
        int counted = 0;
        for (int id : b.tgtOut()) {
            counted += id != P ? 1 : 0;
        }
        assertEquals(counted, b.targetTokens());
    }

    private static int[] randomIds(java.util.Random r, int n) {
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = 4 + r.nextInt(30);
        }
        return ids;
    }

    @Test
    void rejectsEmptyBatchAndEmptySource() {
        assertThrows(IllegalArgumentException.class, () -> Batch.of(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Example(0, new int[0], new int[] {4}));
    }
}
