package io.github.seq2seq4j.tensor;

/**
 * SplitMix64 (Steele, Lea and Flood 2014; the constants of Vigna's public-domain C version): the
 * state is one long, advanced by the golden gamma, and each output is the state scrambled by
 * {@link #mix64}. Spelled out here rather than borrowed from the JDK so the sequence is fixed by
 * this file and identical on every JVM (it equals {@code java.util.SplittableRandom(seed).nextLong()}
 * on JDK 17). The whole state is one long, saved in checkpoints for an exact resume.
 * Not thread-safe: give each thread its own (see {@link #split()}).
 */
public final class Rng {
    private long state;

    public Rng(long seed) {
        this.state = seed;
    }

    /** The state, for checkpoints. */
    public long state() {
        return state;
    }

    public void setState(long s) {
        this.state = s;
    }

    public static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    public long nextLong() {
        state += GOLDEN_GAMMA;
        return mix64(state);
    }

    /** The output scrambler (Stafford's variant 13). */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Fisher-Yates from the last position down: swap i with a uniform j in [0, i]. */
    public void shuffle(java.util.List<?> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            java.util.Collections.swap(list, i, nextInt(i + 1));
        }
    }

    /** Uniform in [0, 1) with 24 random bits. */
    public float nextFloat() {
        return (nextLong() >>> 40) * 0x1.0p-24f;
    }

    /** Uniform in [0, 1) with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform integer in [0, bound). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        // Lemire's multiply-shift with rejection: unbiased.
        long m = (nextLong() >>> 32) * bound;
        long low = m & 0xFFFFFFFFL;
        if (low < bound) {
            long threshold = (1L << 32) % bound;
            while (low < threshold) {
                m = (nextLong() >>> 32) * bound;
                low = m & 0xFFFFFFFFL;
            }
        }
        return (int) (m >>> 32);
    }

    /** Standard normal (Box–Muller). */
    public double nextGaussian() {
        double u1 = 1.0 - nextDouble(); // (0, 1]
        double u2 = nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    /** An independent generator seeded from this one. */
    public Rng split() {
        return new Rng(nextLong());
    }

    /** Fills {@code t} with uniform values in [lo, hi). */
    public void uniform(Tensor t, float lo, float hi) {
        float[] d = t.data();
        for (int i = 0, o = t.offset(); i < t.size(); i++) {
            d[o + i] = lo + (hi - lo) * nextFloat();
        }
    }

    /** Fills {@code t} with normal values of the given mean and standard deviation. */
    public void normal(Tensor t, float mean, float std) {
        float[] d = t.data();
        for (int i = 0, o = t.offset(); i < t.size(); i++) {
            d[o + i] = (float) (mean + std * nextGaussian());
        }
    }
}
