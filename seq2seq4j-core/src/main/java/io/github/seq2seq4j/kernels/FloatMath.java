package io.github.seq2seq4j.kernels;

/**
 * Float32 exp, tanh and sigmoid for the kernels, accurate to about 2 ulp (relative error below
 * 3e-7 over the whole range; checked against Math in FloatMathTest). They follow the classic
 * Cephes single-precision methods: exp by range reduction x = n·ln2 + r (|r| ≤ ln2/2) and a
 * degree-5 polynomial; tanh as (e^{2x} − 1)/(e^{2x} + 1) from the same reduction, with e^{2x} − 1
 * formed without cancellation; sigmoid as 1/(1 + e^{−x}).
 *
 * <p>{@link VectorMath} performs the same IEEE operations in the same order lane by lane (the
 * fused multiply-adds included), so vector and scalar kernels give identical bits. NaN in gives
 * NaN out (the trainer's non-finite check relies on it); ±∞ saturate.
 */
public final class FloatMath {
    // Arguments outside [EXP_LO, EXP_HI] are clamped: 2^n then stays a normal float (n in −126..127).
    static final float EXP_LO = -87.33654f;
    static final float EXP_HI = 88.37626f;
    static final float LOG2E = 1.44269504088896341f;
    /** 1.5·2^23: adding it rounds a float of magnitude &lt; 2^22 to an integer held in the low mantissa bits. */
    static final float ROUND = 12582912f;
    static final int ROUND_BITS = 0x4B400000;
    // ln 2 split in two so that n·C1 is exact.
    static final float C1 = 0.693359375f;
    static final float C2 = -2.12194440e-4f;
    static final float P0 = 1.9875691500e-4f;
    static final float P1 = 1.3981999507e-3f;
    static final float P2 = 8.3334519073e-3f;
    static final float P3 = 4.1665795894e-2f;
    static final float P4 = 1.6666665459e-1f;
    static final float P5 = 5.0000001201e-1f;

    private FloatMath() {}

    /** e^x. */
    public static float exp(float x) {
        x = Math.max(EXP_LO, Math.min(EXP_HI, x));
        float t = x * LOG2E + ROUND; // n = round(x·log2 e) in the low mantissa bits
        return (expm1Reduced(x, t) + 1f) * pow2(t);
    }

    /**
     * tanh x = (e^{2x} − 1)/(e^{2x} + 1), with e^{2x} − 1 computed as 2^n·q + (2^n − 1) where q ≈
     * e^r − 1 is exp's polynomial before its "+ 1", so that no cancellation near 0 costs accuracy
     * and one formula serves the whole range (no branch, no sign handling: the clamp of 2x keeps
     * both sums finite and the quotient tends to ±1).
     */
    public static float tanh(float x) {
        float v = Math.max(EXP_LO, Math.min(EXP_HI, x * 2f));
        float t = v * LOG2E + ROUND;
        float scale = pow2(t);
        float em1 = Math.fma(scale, expm1Reduced(v, t), scale - 1f); // e^{2x} − 1
        return em1 / (em1 + 2f);
    }

    /**
     * e^r − 1 for the remainder r = v − n·ln 2 of the range reduction, where n = round(v·log2 e)
     * sits in the low mantissa bits of t = v·log2 e + ROUND: the Cephes polynomial before its "+ 1".
     */
    private static float expm1Reduced(float v, float t) {
        float n = t - ROUND;
        float r = Math.fma(n, -C1, v);
        r = Math.fma(n, -C2, r);
        float p = Math.fma(P0, r, P1);
        p = Math.fma(p, r, P2);
        p = Math.fma(p, r, P3);
        p = Math.fma(p, r, P4);
        p = Math.fma(p, r, P5);
        return Math.fma(p, r * r, r);
    }

    /** 2^n for the n held in t's low mantissa bits (see {@link #expm1Reduced}). */
    private static float pow2(float t) {
        return Float.intBitsToFloat((Float.floatToRawIntBits(t) - (ROUND_BITS - 127)) << 23);
    }

    /** The logistic function 1/(1 + e^{−x}). */
    public static float sigmoid(float x) {
        return 1f / (1f + exp(-x));
    }
}
