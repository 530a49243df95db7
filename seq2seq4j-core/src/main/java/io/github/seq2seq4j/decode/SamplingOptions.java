package io.github.seq2seq4j.decode;

/**
 * Ancestral sampling for open-ended generation.
 *
 * @param temperature logits are divided by it (&lt; 1 sharper, &gt; 1 flatter)
 * @param topK        keep only the k most probable tokens (0: all)
 * @param topP        nucleus sampling (Holtzman et al. 2020): keep the smallest set of most
 *                    probable tokens whose mass reaches p (1: all)
 * @param seed        the same seed gives the same samples
 * @param limit       maximum output length
 */
public record SamplingOptions(float temperature, int topK, float topP, long seed, LengthLimit limit) {
    /** Checks temperature &gt; 0, top-k &gt;= 0 and 0 &lt; top-p &lt;= 1. */
    public SamplingOptions {
        if (!(temperature > 0f) || topK < 0 || !(topP > 0f && topP <= 1f)) {
            throw new IllegalArgumentException("sampling needs temperature > 0, top-k >= 0 and 0 < top-p <= 1 (got "
                    + temperature + ", " + topK + ", " + topP + ")");
        }
    }

    /** Sampling with the default length limit. */
    public static SamplingOptions of(float temperature, int topK, float topP, long seed) {
        return new SamplingOptions(temperature, topK, topP, seed, LengthLimit.DEFAULT);
    }
}
