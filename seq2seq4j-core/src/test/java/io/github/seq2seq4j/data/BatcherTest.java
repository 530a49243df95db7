package io.github.seq2seq4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.seq2seq4j.InputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class BatcherTest {

    /** n examples, index i, source and target lengths uniform in 1..maxLen. */
    static List<Example> examples(int n, int maxLen, long seed) {
        Random r = new Random(seed);
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Example(i, ids(1 + r.nextInt(maxLen)), ids(1 + r.nextInt(maxLen))));
        }
        return out;
    }

    private static int[] ids(int n) {
        int[] a = new int[n];
        Arrays.fill(a, 4 + n % 7);
        return a;
    }

    /** The batches of one epoch as lists of corpus indices. */
    static List<List<Long>> epoch(Batcher batcher, int epoch) {
        return drain(batcher.epoch(epoch));
    }

    static List<List<Long>> drain(BatchIterator it) {
        List<List<Long>> out = new ArrayList<>();
        try (it) {
            while (it.hasNext()) {
                out.add(LongStream.of(it.next().indices()).boxed().collect(Collectors.toList()));
            }
        }
        return out;
    }

    private static void assertEachExampleOnce(List<List<Long>> batches, int n) {
        List<Long> seen = batches.stream().flatMap(List::stream).sorted().collect(Collectors.toList());
        assertEquals(LongStream.range(0, n).boxed().collect(Collectors.toList()), seen);
    }

    @Test
    void everyExampleOncePerEpochInEveryMode() {
        List<Example> data = examples(1000, 40, 1);
        for (BatchingOptions o : List.of(BatchingOptions.sentences(32), BatchingOptions.tokens(500),
                BatchingOptions.sentences(32).withPoolSize(100), BatchingOptions.tokens(500).withPoolSize(77),
                BatchingOptions.sentences(7).withShuffle(false).withBucketing(false))) {
            Batcher batcher = new Batcher(ExampleSource.of(data), o);
            assertEachExampleOnce(epoch(batcher, 0), 1000);
            assertEachExampleOnce(epoch(batcher, 1), 1000);
        }
    }

    @Test
    void sentenceBatchesHaveTheRequestedSize() {
        Batcher batcher = new Batcher(ExampleSource.of(examples(1000, 40, 2)), BatchingOptions.sentences(32));
        List<List<Long>> batches = epoch(batcher, 0);
        assertEquals(32, batches.size()); // 31 full + one of 8
        assertEquals(31, batches.stream().filter(b -> b.size() == 32).count());
        assertEquals(1, batches.stream().filter(b -> b.size() == 8).count());
    }

    @Test
    void tokenBudgetIncludesPaddingAndIsRespected() {
        List<Example> data = new ArrayList<>(examples(2000, 60, 3));
        data.add(new Example(2000, ids(300), ids(2))); // alone over the budget
        for (BatchingOptions o : List.of(BatchingOptions.tokens(400), BatchingOptions.tokens(400).withPoolSize(300),
                BatchingOptions.tokens(400).withBucketing(false))) {
            int rows = 0;
            try (BatchIterator it = new Batcher(ExampleSource.of(data), o).epoch(0)) {
                while (it.hasNext()) {
                    Batch b = it.next();
                    rows += b.size();
                    assertEquals(b.size() * Math.max(b.srcWidth(), b.tgtWidth()), b.paddedTokens());
                    if (b.size() > 1) {
                        assertTrue(b.paddedTokens() <= 400, b.toString());
                    } else if (b.indices()[0] == 2000) {
                        assertEquals(300, b.srcWidth());
                    }
                }
            }
            assertEquals(2001, rows);
        }
    }

    @Test
    void bucketedTokenBatchesAreWellFilled() {
        List<Example> data = examples(3000, 50, 4);
        double filled = 0;
        int batches = 0;
        try (BatchIterator it = new Batcher(ExampleSource.of(data), BatchingOptions.tokens(1000)).epoch(0)) {
            while (it.hasNext()) {
                Batch b = it.next();
                filled += b.paddedTokens() / 1000.0;
                batches++;
            }
        }
        assertTrue(filled / batches > 0.9, "mean fill " + filled / batches);
    }

    @Test
    void bucketingGroupsSimilarSourceLengths() {
        List<Example> data = examples(1000, 50, 5);
        Batcher bucketed = new Batcher(ExampleSource.of(data), BatchingOptions.sentences(10));
        assertDisjointLengthRanges(data, epoch(bucketed, 0));
        assertTrue(padding(data, epoch(bucketed, 0)) < 0.05);
        Batcher random = new Batcher(ExampleSource.of(data), BatchingOptions.sentences(10).withBucketing(false));
        assertTrue(padding(data, epoch(random, 0)) > 0.3);
    }

    @Test
    void streamingBucketsWithinEachPool() {
        List<Example> data = examples(1000, 50, 6);
        Batcher batcher = new Batcher(ExampleSource.of(data), BatchingOptions.sentences(10).withPoolSize(200));
        List<List<Long>> batches = epoch(batcher, 0);
        assertEquals(100, batches.size());
        for (int pool = 0; pool < 5; pool++) {
            List<List<Long>> fromPool = batches.subList(pool * 20, pool * 20 + 20);
            // pools are consecutive stretches of the corpus
            long lo = pool * 200L;
            assertTrue(fromPool.stream().flatMap(List::stream).allMatch(i -> i >= lo && i < lo + 200));
            assertDisjointLengthRanges(data, fromPool);
        }
    }

    /** Sorted by shortest source, each batch's length range ends where the next one's starts. */
    private static void assertDisjointLengthRanges(List<Example> data, List<List<Long>> batches) {
        List<int[]> ranges = new ArrayList<>();
        for (List<Long> b : batches) {
            int min = b.stream().mapToInt(i -> data.get(i.intValue()).source().length).min().orElseThrow();
            int max = b.stream().mapToInt(i -> data.get(i.intValue()).source().length).max().orElseThrow();
            ranges.add(new int[] {min, max});
        }
        ranges.sort(Comparator.<int[]>comparingInt(r -> r[0]).thenComparingInt(r -> r[1]));
        for (int i = 1; i < ranges.size(); i++) {
            assertTrue(ranges.get(i - 1)[1] <= ranges.get(i)[0],
                    "overlapping length ranges " + Arrays.toString(ranges.get(i - 1)) + Arrays.toString(ranges.get(i)));
        }
    }

    /** Fraction of source cells that are padding. */
    private static double padding(List<Example> data, List<List<Long>> batches) {
        long cells = 0;
        long tokens = 0;
        for (List<Long> b : batches) {
            int max = 0;
            for (long i : b) {
                int n = data.get((int) i).source().length;
                max = Math.max(max, n);
                tokens += n;
            }
            cells += (long) max * b.size();
        }
        return 1.0 - (double) tokens / cells;
    }

    @Test
    void planMatchesAnIndependentTranscription() {
        // expected values from a Python transcription of the documented algorithm (SplitMix64,
        // Lemire bounded ints, Fisher-Yates, stable sort by (source, target) length, cut, shuffle)
        int[] src = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8};
        int[] tgt = {2, 7, 1, 8, 2, 8, 1, 8, 2, 8, 4, 5};
        List<Example> data = new ArrayList<>();
        for (int i = 0; i < src.length; i++) {
            data.add(new Example(i, ids(src[i]), ids(tgt[i])));
        }
        Batcher batcher = new Batcher(ExampleSource.of(data), BatchingOptions.sentences(4).withSeed(3));
        assertEquals(List.of(List.of(10L, 7L, 11L, 5L), List.of(9L, 2L, 4L, 8L), List.of(1L, 3L, 6L, 0L)),
                epoch(batcher, 0));
        assertEquals(List.of(List.of(1L, 3L, 6L, 0L), List.of(9L, 2L, 8L, 4L), List.of(10L, 7L, 11L, 5L)),
                epoch(batcher, 1));
        assertEquals(0xe6984080bab12a02L, new Batcher(ExampleSource.of(data),
                BatchingOptions.sentences(4).withSeed(7)).start(2).rngState());
    }

    @Test
    void sameSeedSameBatchesOtherSeedOrEpochOtherBatches() {
        List<Example> data = examples(500, 30, 7);
        BatchingOptions o = BatchingOptions.sentences(16).withSeed(99);
        List<List<Long>> a = epoch(new Batcher(ExampleSource.of(data), o), 0);
        assertEquals(a, epoch(new Batcher(ExampleSource.of(data), o), 0));
        assertNotEquals(a, epoch(new Batcher(ExampleSource.of(data), o.withSeed(100)), 0));
        assertNotEquals(a, epoch(new Batcher(ExampleSource.of(data), o), 1));
        BatchingOptions s = o.withPoolSize(64);
        assertEquals(epoch(new Batcher(ExampleSource.of(data), s), 3), epoch(new Batcher(ExampleSource.of(data), s), 3));
    }

    @Test
    void noShuffleKeepsCorpusOrder() {
        List<Example> data = examples(50, 30, 8);
        List<List<Long>> batches = epoch(new Batcher(ExampleSource.of(data),
                BatchingOptions.sentences(8).withShuffle(false).withBucketing(false)), 0);
        assertEquals(LongStream.range(0, 8).boxed().collect(Collectors.toList()), batches.get(0));
        assertEquals(List.of(48L, 49L), batches.get(6));
    }

    @Test
    void resumingFromAnySavedPositionGivesTheSameRemainingBatches() {
        List<Example> data = examples(600, 40, 9);
        for (BatchingOptions o : List.of(BatchingOptions.sentences(25).withSeed(5),
                BatchingOptions.tokens(300).withPoolSize(90).withSeed(6))) {
            List<List<Long>> full = epoch(new Batcher(ExampleSource.of(data), o), 2);
            for (int k = 0; k <= full.size(); k += Math.max(1, full.size() / 7)) {
                BatchPosition saved;
                try (BatchIterator it = new Batcher(ExampleSource.of(data), o).epoch(2)) {
                    for (int i = 0; i < k; i++) {
                        it.next();
                    }
                    saved = it.position();
                }
                // a new process: fresh batcher, the position read back from its text form
                BatchPosition restored = BatchPosition.parse(saved.toString());
                assertEquals(saved, restored);
                Batcher fresh = new Batcher(ExampleSource.of(data), o);
                List<List<Long>> rest = drain(fresh.iterator(restored));
                if (k < full.size()) {
                    assertEquals(2, restored.epoch());
                    assertEquals(k, restored.batch());
                    assertEquals(full.subList(k, full.size()), rest);
                } else {
                    assertEquals(fresh.start(3), restored); // the end of an epoch is the start of the next
                    assertEquals(epoch(fresh, 3), rest);
                }
            }
        }
    }

    @Test
    void positionFromAnotherSeedOrPastTheEndIsRejected() {
        List<Example> data = examples(100, 10, 10);
        Batcher a = new Batcher(ExampleSource.of(data), BatchingOptions.sentences(10).withSeed(1));
        Batcher b = new Batcher(ExampleSource.of(data), BatchingOptions.sentences(10).withSeed(2));
        InputException e = assertThrows(InputException.class, () -> b.iterator(a.start(0)));
        assertTrue(e.getMessage().contains("another seed"), e.getMessage());
        BatchPosition past = new BatchPosition(0, 11, a.start(0).rngState());
        e = assertThrows(InputException.class, () -> a.iterator(past));
        assertTrue(e.getMessage().endsWith("is past the end of epoch 0, which has 10 batches"), e.getMessage());
        assertEquals(List.of(), drain(a.iterator(new BatchPosition(0, 10, a.start(0).rngState()))));
    }

    @Test
    void streamingHoldsAtMostOnePool() {
        int n = 20_000;
        int pool = 500;
        CountingSource source = new CountingSource(examples(n, 30, 11));
        long delivered = 0;
        try (BatchIterator it = new Batcher(source, BatchingOptions.sentences(20).withPoolSize(pool)).epoch(0)) {
            while (it.hasNext()) {
                delivered += it.next().size();
                // read ahead of what was handed out: never more than one pool
                assertTrue(source.produced - delivered <= pool, source.produced + " read, " + delivered + " delivered");
            }
        }
        assertEquals(n, delivered);
        assertEquals(n, source.produced);
        assertTrue(source.closed);
    }

    @Test
    void inMemoryModeReadsTheSourceOnce() {
        CountingSource source = new CountingSource(examples(100, 10, 12));
        Batcher batcher = new Batcher(source, BatchingOptions.sentences(10));
        epoch(batcher, 0);
        epoch(batcher, 1);
        assertEquals(1, source.opens);
        Batcher streaming = new Batcher(source, BatchingOptions.sentences(10).withPoolSize(50));
        epoch(streaming, 0);
        epoch(streaming, 1);
        assertEquals(3, source.opens);
    }

    @Test
    void emptySourceIsAnError() {
        for (int pool : new int[] {0, 10}) {
            Batcher batcher = new Batcher(ExampleSource.of(List.of()), BatchingOptions.sentences(4).withPoolSize(pool));
            assertThrows(InputException.class, () -> epoch(batcher, 0));
        }
        try (BatchIterator it = new Batcher(ExampleSource.of(examples(3, 3, 1)), BatchingOptions.sentences(4)).epoch(0)) {
            it.next();
            assertFalse(it.hasNext());
            assertThrows(NoSuchElementException.class, it::next);
        }
    }

    /** Counts what a batcher pulls from it. */
    private static final class CountingSource implements ExampleSource {
        private final List<Example> data;
        long produced;
        int opens;
        boolean closed;

        CountingSource(List<Example> data) {
            this.data = data;
        }

        @Override
        public CloseableIterator<Example> open() {
            opens++;
            closed = false;
            return new CloseableIterator<>() {
                private int i;

                @Override
                public boolean hasNext() {
                    return i < data.size();
                }

                @Override
                public Example next() {
                    produced++;
                    return data.get(i++);
                }

                @Override
                public void close() {
                    closed = true;
                }
            };
        }
    }
}
