package io.github.seq2seq4j.tensor;

/**
 * A small seeded random generator (SplitMix64) whose whole state is one long, so it can be saved
 * in a checkpoint and restored for an exact resume. The same seed gives the same sequence on every
 * JVM. Not thread-safe: give each thread its own (see {@link #split()}).
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

    public long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
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
            long threshold = (0x100000000L - bound) % bound;
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
