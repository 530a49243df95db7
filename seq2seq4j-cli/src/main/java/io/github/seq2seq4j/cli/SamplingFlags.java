package io.github.seq2seq4j.cli;

import io.github.seq2seq4j.decode.LengthLimit;
import io.github.seq2seq4j.decode.SamplingOptions;
import picocli.CommandLine.Option;

/**
 * The options of {@code translate --sample} (mixed in with {@code @Mixin}): ancestral sampling with
 * temperature, top-k and top-p (nucleus) restriction and a seed.
 */
final class SamplingFlags {
    /** The seed when none is given: sampling is reproducible unless asked otherwise. */
    static final long DEFAULT_SEED = 1;

    @Option(names = "--sample", description = "Draw each translation from the model's distribution instead of "
            + "searching for the most probable one (not with --beam > 1 or --nbest > 1).")
    boolean sample;

    @Option(names = "--temperature", paramLabel = "T", description = "With --sample: divide the logits by T "
            + "(< 1 sharper, > 1 flatter). Default: 1.0.")
    Float temperature;

    @Option(names = "--top-k", paramLabel = "K", description = "With --sample: draw among the K most probable "
            + "tokens only; 0 keeps all. Default: 0.")
    Integer topK;

    @Option(names = "--top-p", paramLabel = "P", description = "With --sample: draw among the most probable tokens "
            + "whose probabilities sum to P (nucleus sampling); 1 keeps all. Default: 1.0.")
    Float topP;

    @Option(names = "--seed", paramLabel = "S", description = "With --sample: the same seed gives the same output. "
            + "Default: " + DEFAULT_SEED + ".")
    Long seed;

    /** The flags given that only make sense with --sample, e.g. "--top-k", or null if none. */
    String samplingOnlyFlag() {
        return temperature != null ? "--temperature" : topK != null ? "--top-k" : topP != null ? "--top-p"
                : seed != null ? "--seed" : null;
    }

    /**
     * The sampling options; throws IllegalArgumentException naming the flag when a value is out of
     * range.
     */
    SamplingOptions options(LengthLimit limit) {
        float t = temperature == null ? 1f : temperature;
        int k = topK == null ? 0 : topK;
        float p = topP == null ? 1f : topP;
        if (!(t > 0f) || Float.isInfinite(t)) {
            throw new IllegalArgumentException("--temperature must be a positive number, got " + t);
        }
        if (k < 0) {
            throw new IllegalArgumentException("--top-k must be >= 0 (0 keeps every token), got " + k);
        }
        if (!(p > 0f && p <= 1f)) {
            throw new IllegalArgumentException("--top-p must be in (0, 1], got " + p);
        }
        return new SamplingOptions(t, k, p, seed == null ? DEFAULT_SEED : seed, limit);
    }
}
