package io.github.seq2seq4j.decode;

/**
 * The maximum number of decoding steps for a source of n tokens: {@code ceil(ratio · n) + extra},
 * the reference's rule (ratio 2, extra 10 by default).
 */
public record LengthLimit(double ratio, int extra) {
    /** The reference's limit: {@code 2n + 10} steps. */
    public static final LengthLimit DEFAULT = new LengthLimit(2.0, 10);

    /** Checks that ratio and extra are not negative. */
    public LengthLimit {
        if (!(ratio >= 0) || extra < 0) {
            throw new IllegalArgumentException("length limit needs ratio >= 0 and extra >= 0: " + ratio + ", " + extra);
        }
    }

    /** The most output steps for a source of {@code srcLength} tokens. */
    public int steps(int srcLength) {
        return (int) Math.ceil(ratio * srcLength) + extra;
    }
}
