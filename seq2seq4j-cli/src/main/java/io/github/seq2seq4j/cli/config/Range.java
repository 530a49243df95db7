package io.github.seq2seq4j.cli.config;

/**
 * The allowed interval of a numeric value; either bound may be open or absent.
 *
 * @param min          lower bound, or NaN for none
 * @param minInclusive whether {@code min} itself is allowed
 * @param max          upper bound, or NaN for none
 * @param maxInclusive whether {@code max} itself is allowed
 */
public record Range(double min, boolean minInclusive, double max, boolean maxInclusive) {
    /** Any value. */
    public static final Range ANY = new Range(Double.NaN, true, Double.NaN, true);
    /** [0, ∞). */
    public static final Range NON_NEGATIVE = atLeast(0);
    /** [1, ∞). */
    public static final Range POSITIVE_INT = atLeast(1);
    /** (0, ∞). */
    public static final Range POSITIVE = new Range(0, false, Double.NaN, true);
    /** [0, 1]. */
    public static final Range UNIT = new Range(0, true, 1, true);
    /** [0, 1). */
    public static final Range UNIT_OPEN_TOP = new Range(0, true, 1, false);
    /** (0, 1). */
    public static final Range OPEN_UNIT = new Range(0, false, 1, false);

    /** [min, ∞). */
    public static Range atLeast(double min) {
        return new Range(min, true, Double.NaN, true);
    }

    /** Null if {@code v} is inside, else what is wrong ("must be > 0"). */
    String violation(double v) {
        boolean lowOk = Double.isNaN(min) || (minInclusive ? v >= min : v > min);
        boolean highOk = Double.isNaN(max) || (maxInclusive ? v <= max : v < max);
        if (lowOk && highOk) {
            return null;
        }
        return "must be " + describe();
    }

    /** "> 0", ">= 1", "in [0, 1)". */
    public String describe() {
        if (Double.isNaN(max)) {
            return (minInclusive ? ">= " : "> ") + fmt(min);
        }
        if (Double.isNaN(min)) {
            return (maxInclusive ? "<= " : "< ") + fmt(max);
        }
        return "in " + (minInclusive ? "[" : "(") + fmt(min) + ", " + fmt(max) + (maxInclusive ? "]" : ")");
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
