package io.github.seq2seq4j.cli.translate;

import io.github.seq2seq4j.Seq2SeqModel;
import io.github.seq2seq4j.Translation;
import io.github.seq2seq4j.decode.SamplingOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws one translation per line with {@link Seq2SeqModel#sample}. Each line is sampled on its own
 * with a seed made from the run's seed and the line's number, so a line's sample depends only on
 * those two: not on the batch size, nor on the lines around it.
 */
public final class LineSampler implements BatchDecoder {
    private final Seq2SeqModel model;
    private final SamplingOptions options;

    /** Samples with {@code options}; its seed is the run's seed. */
    public LineSampler(Seq2SeqModel model, SamplingOptions options) {
        this.model = model;
        this.options = options;
    }

    @Override
    public List<List<Translation>> decode(List<String> lines, long firstIndex) {
        List<List<Translation>> out = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            SamplingOptions line = new SamplingOptions(options.temperature(), options.topK(), options.topP(),
                    lineSeed(options.seed(), firstIndex + i), options.limit());
            out.add(List.of(model.sample(List.of(lines.get(i)), line).get(0)));
        }
        return out;
    }

    /**
     * The seed of line {@code index}: the SplitMix64 output function applied to the run's seed
     * advanced by {@code index + 1} golden-ratio increments, so neighbouring lines get unrelated
     * seeds.
     */
    static long lineSeed(long seed, long index) {
        long z = seed + (index + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
