package io.github.seq2seq4j.train;

import io.github.seq2seq4j.data.Batch;
import io.github.seq2seq4j.data.Example;
import io.github.seq2seq4j.tensor.Rng;
import java.util.ArrayList;
import java.util.List;

/** Batches of random token rows (ids from 4 up, below the special tokens' none) for training tests. */
final class RandomBatches {
    private RandomBatches() {}

    /**
     * {@code rows} pairs; a source has {@code srcMin + [0, srcSpan)} tokens and a target
     * {@code tgtMin + [0, tgtSpan)}, ids in [4, vocab).
     */
    static Batch of(long seed, int rows, int vocab, int srcMin, int srcSpan, int tgtMin, int tgtSpan) {
        Rng rng = new Rng(seed);
        List<Example> ex = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            int[] s = new int[srcMin + rng.nextInt(srcSpan)];
            int[] t = new int[tgtMin + rng.nextInt(tgtSpan)];
            for (int j = 0; j < s.length; j++) {
                s[j] = 4 + rng.nextInt(vocab - 4);
            }
            for (int j = 0; j < t.length; j++) {
                t[j] = 4 + rng.nextInt(vocab - 4);
            }
            ex.add(new Example(i, s, t));
        }
        return Batch.of(ex);
    }
}
