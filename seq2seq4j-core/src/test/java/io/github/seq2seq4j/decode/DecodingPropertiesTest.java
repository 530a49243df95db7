package io.github.seq2seq4j.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.seq2seq4j.kernels.Parallel;
import io.github.seq2seq4j.model.AttentionType;
import io.github.seq2seq4j.model.EncoderDecoder;
import io.github.seq2seq4j.model.ModelConfig;
import io.github.seq2seq4j.nn.CellType;
import io.github.seq2seq4j.tensor.Rng;
import io.github.seq2seq4j.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Properties of decoding that hold for any weights. */
class DecodingPropertiesTest {
    static final int[][] SOURCES = {{4, 5, 6, 7, 8, 9}, {10, 4}, {5, 5, 5, 11}, {12}};

    static EncoderDecoder model(String cell, String att, boolean bidi) {
        ModelConfig cfg = new ModelConfig(CellType.parse(cell), 6, 8, 2, bidi, AttentionType.parse(att), 0, 0f, false, "char");
        EncoderDecoder m = new EncoderDecoder(cfg, 13, 14);
        Rng rng = new Rng(cell.hashCode() + att.hashCode());
        for (Tensor p : m.parameters()) {
            rng.uniform(p, -0.8f, 0.8f);
        }
        return m;
    }

    @ParameterizedTest
    @CsvSource({"gru, bahdanau, true", "lstm, luong_general, true", "rnn_tanh, none, false", "gru, luong_dot, false"})
    void aSentenceDecodesTheSameAloneAndInABatch(String cell, String att, boolean bidi) {
        EncoderDecoder m = model(cell, att, bidi);
        GreedyDecoder greedy = new GreedyDecoder(m, LengthLimit.DEFAULT);
        Hypothesis[] batch = greedy.decode(SOURCES, true);
        for (int i = 0; i < SOURCES.length; i++) {
            Hypothesis alone = greedy.decode(new int[][] {SOURCES[i]}, true)[0];
            assertSameBits(alone, batch[i], "sentence " + i); // finished sentences leave the batch
            assertTrue(alone.tokens().length <= LengthLimit.DEFAULT.steps(SOURCES[i].length));
        }
    }

    @ParameterizedTest
    @CsvSource({"gru, bahdanau, true", "lstm, luong_concat, true", "rnn_tanh, none, false"})
    void finishedSentencesLeaveAGreedyBatchWithoutChangingAnyBits(String cell, String att, boolean bidi) {
        EncoderDecoder m = model(cell, att, bidi);
        int[][] sources = randomSources(11, 40, 12); // they finish at many different steps, in whole tiles too
        int threads = Parallel.threads();
        try {
            Parallel.setThreads(1); // one batch of 40 rows
            GreedyDecoder greedy = new GreedyDecoder(m, LengthLimit.DEFAULT);
            Hypothesis[] batch = greedy.decode(sources, true);
            int[] steps = new int[sources.length];
            for (int i = 0; i < sources.length; i++) {
                Hypothesis alone = greedy.decode(new int[][] {sources[i]}, true)[0];
                assertSameBits(alone, batch[i], "sentence " + i);
                steps[i] = alone.tokens().length + (alone.finished() ? 1 : 0);
            }
            assertTrue(java.util.Arrays.stream(steps).distinct().count() >= 5, "sentences should finish at different steps");
        } finally {
            Parallel.setThreads(threads);
        }
    }

    @ParameterizedTest
    @CsvSource({"gru, bahdanau, true", "lstm, luong_general, true", "rnn_tanh, none, false"})
    void aBatchSplitBetweenThreadsDecodesToTheSameBitsGreedyAndBeam(String cell, String att, boolean bidi) {
        EncoderDecoder m = model(cell, att, bidi);
        int[][] sources = randomSources(5, 27, 9); // 27 sentences: 3 parts of 9 on 3 threads, 2 parts on 2
        int threads = Parallel.threads();
        try {
            Parallel.setThreads(1);
            assertEquals(1, ThreadSplit.parts(sources.length));
            Hypothesis[] one = new GreedyDecoder(m, LengthLimit.DEFAULT).decode(sources, true);
            List<List<Hypothesis>> oneBeam = new BeamSearch(m, 3, 0.6, LengthLimit.DEFAULT).decode(sources, true);
            for (int n : new int[] {2, 3}) {
                Parallel.setThreads(n);
                assertEquals(n, ThreadSplit.parts(sources.length));
                Hypothesis[] split = new GreedyDecoder(m, LengthLimit.DEFAULT).decode(sources, true);
                List<List<Hypothesis>> splitBeam = new BeamSearch(m, 3, 0.6, LengthLimit.DEFAULT).decode(sources, true);
                for (int i = 0; i < sources.length; i++) {
                    assertSameBits(one[i], split[i], n + " threads, greedy, sentence " + i);
                    assertEquals(oneBeam.get(i).size(), splitBeam.get(i).size());
                    for (int k = 0; k < oneBeam.get(i).size(); k++) {
                        assertSameBits(oneBeam.get(i).get(k), splitBeam.get(i).get(k),
                                n + " threads, beam, sentence " + i + ", hypothesis " + k);
                    }
                }
            }
            Parallel.setThreads(2);
            assertEquals(1, ThreadSplit.parts(2 * ThreadSplit.MIN_ROWS - 1), "parts of fewer than MIN_ROWS stay together");
            assertEquals(2, ThreadSplit.parts(2 * ThreadSplit.MIN_ROWS));
            assertArrayEquals(new int[] {1, 4, 7}, ThreadSplit.rows(1, 3, 10));
        } finally {
            Parallel.setThreads(threads);
        }
    }

    /** n sources of 1..maxLen random ids from 4..12 (the model's source vocabulary past the specials). */
    private static int[][] randomSources(long seed, int n, int maxLen) {
        Rng rng = new Rng(seed);
        int[][] sources = new int[n][];
        for (int i = 0; i < n; i++) {
            sources[i] = new int[1 + rng.nextInt(maxLen)];
            for (int t = 0; t < sources[i].length; t++) {
                sources[i][t] = 4 + rng.nextInt(9);
            }
        }
        return sources;
    }

    private static void assertSameBits(Hypothesis want, Hypothesis got, String what) {
        assertArrayEquals(want.tokens(), got.tokens(), what);
        assertEquals(want.score(), got.score(), what); // exactly
        assertEquals(want.finished(), got.finished(), what);
        assertEquals(want.attention() == null, got.attention() == null, what);
        if (want.attention() != null) {
            assertEquals(want.attention().length, got.attention().length, what);
            for (int t = 0; t < want.attention().length; t++) {
                assertArrayEquals(want.attention()[t], got.attention()[t], what);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"gru, bahdanau, true", "lstm, luong_concat, false", "rnn_relu, none, true"})
    void beamOfOneEqualsGreedy(String cell, String att, boolean bidi) {
        EncoderDecoder m = model(cell, att, bidi);
        Hypothesis[] greedy = new GreedyDecoder(m, LengthLimit.DEFAULT).decode(SOURCES, false);
        List<List<Hypothesis>> beam = new BeamSearch(m, 1, 1.0, LengthLimit.DEFAULT).decode(SOURCES, false);
        for (int i = 0; i < SOURCES.length; i++) {
            assertArrayEquals(greedy[i].tokens(), beam.get(i).get(0).tokens());
            assertEquals(greedy[i].score(), beam.get(i).get(0).score(), 1e-5);
        }
    }

    @ParameterizedTest
    @CsvSource({"gru, bahdanau, true", "lstm, luong_general, true"})
    void beamResultsAreRankedAndIndependentOfBatching(String cell, String att, boolean bidi) {
        EncoderDecoder m = model(cell, att, bidi);
        BeamSearch search = new BeamSearch(m, 4, 0.6, LengthLimit.DEFAULT);
        List<List<Hypothesis>> batch = search.decode(SOURCES, true);
        for (int i = 0; i < SOURCES.length; i++) {
            List<Hypothesis> hyps = batch.get(i);
            assertTrue(hyps.size() >= 1);
            for (int k = 1; k < hyps.size(); k++) {
                assertTrue(hyps.get(k - 1).normalizedScore(0.6) >= hyps.get(k).normalizedScore(0.6));
            }
            List<Hypothesis> alone = search.decode(new int[][] {SOURCES[i]}, true).get(0);
            assertArrayEquals(alone.get(0).tokens(), hyps.get(0).tokens());
            assertEquals(alone.get(0).score(), hyps.get(0).score(), 1e-5);
            Hypothesis best = hyps.get(0);
            if (best.attention() != null) {
                assertEquals(best.scoredLength(), best.attention().length);
                assertEquals(SOURCES[i].length, best.attention()[0].length);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"3", "17", "40"})
    void topKIsSortedDescending(int vocab) {
        Tensor t = Tensor.zeros(2, vocab);
        new Rng(vocab).uniform(t, -3f, 3f);
        int[] top = BeamSearch.topK(t, 1, 5);
        assertEquals(Math.min(5, vocab), top.length);
        for (int i = 1; i < top.length; i++) {
            assertTrue(t.get(1, top[i - 1]) >= t.get(1, top[i]));
        }
        float max = Float.NEGATIVE_INFINITY;
        for (int v = 0; v < vocab; v++) {
            max = Math.max(max, t.get(1, v));
        }
        assertEquals(max, t.get(1, top[0]));
    }
}
