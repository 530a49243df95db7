package io.github.seq2seq4j.cli.bench;

import io.github.seq2seq4j.data.Batch;
import io.github.seq2seq4j.data.Example;
import io.github.seq2seq4j.tensor.Rng;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference's {@code synthetic_batch}: B random lengths in [minLen, maxLen], then per row
 * random tokens in [4, vocab) as the source and the same tokens reversed as the target. The
 * layout is the reference's (src [B,S], tgtIn = BOS + target, tgtOut = target + EOS, PAD after);
 * the random numbers are Java's own, since PyTorch's generator is not reproduced.
 */
final class SyntheticData {
    private static final int FIRST_TOKEN = 4; // after <pad> <unk> <s> </s>

    private final Rng rng;
    private final int vocab;
    private final int minLen;
    private final int maxLen;

    SyntheticData(long seed, int vocab, int minLen, int maxLen) {
        if (vocab <= FIRST_TOKEN) {
            throw new IllegalArgumentException("vocab must be > " + FIRST_TOKEN + " (4 special tokens): " + vocab);
        }
        if (minLen < 1 || maxLen < minLen) {
            throw new IllegalArgumentException("need 1 <= min-len <= max-len, got " + minLen + " and " + maxLen);
        }
        this.rng = new Rng(seed);
        this.vocab = vocab;
        this.minLen = minLen;
        this.maxLen = maxLen;
    }

    /** The next batch of {@code size} reversal pairs. */
    Batch next(int size) {
        int[] lens = new int[size];
        for (int b = 0; b < size; b++) { // all lengths first, as the reference draws them
            lens[b] = minLen + rng.nextInt(maxLen - minLen + 1);
        }
        List<Example> examples = new ArrayList<>(size);
        for (int b = 0; b < size; b++) {
            int[] src = new int[lens[b]];
            int[] tgt = new int[lens[b]];
            for (int i = 0; i < src.length; i++) {
                src[i] = FIRST_TOKEN + rng.nextInt(vocab - FIRST_TOKEN);
            }
            for (int i = 0; i < src.length; i++) {
                tgt[i] = src[src.length - 1 - i];
            }
            examples.add(new Example(b, src, tgt));
        }
        return Batch.of(examples);
    }
}
