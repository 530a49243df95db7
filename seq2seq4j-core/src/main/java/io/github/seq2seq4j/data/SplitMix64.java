package io.github.seq2seq4j.data;

import java.util.Collections;
import java.util.List;

/**
 * SplitMix64 (Steele, Lea and Flood 2014; the constants of Vigna's public-domain C version): the
 * state is one long, advanced by the golden gamma, and each output is the state scrambled by
 * {@link #mix64}. It is spelled out here rather than borrowed from the JDK so the sequence is fixed
 * by this file, identical on every JVM and easy to reproduce in another language. It is the same
 * sequence {@code new java.util.SplittableRandom(seed).nextLong()} gives on JDK 17.
 */
final class SplitMix64 {
    static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private long state;

    SplitMix64(long state) {
        this.state = state;
    }

    long state() {
        return state;
    }

    long nextLong() {
        state += GOLDEN_GAMMA;
        return mix64(state);
    }

    /**
     * Uniform in [0, bound): Lemire's multiply-shift on the high 32 bits of an output, rejecting the
     * few values that would bias the result.
     */
    int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
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

    /** Fisher-Yates from the last position down: swap i with a uniform j in [0, i]. */
    void shuffle(List<?> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            Collections.swap(list, i, nextInt(i + 1));
        }
    }

    /** The output scrambler (Stafford's variant 13). */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
