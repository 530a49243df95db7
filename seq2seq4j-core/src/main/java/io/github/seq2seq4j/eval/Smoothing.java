package io.github.seq2seq4j.eval;

import io.github.seq2seq4j.InputException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What BLEU does with an n-gram order that has no match (Chen and Cherry 2014, "A Systematic
 * Comparison of Smoothing Techniques for Sentence-Level BLEU"); names and defaults as sacreBLEU.
 */
public enum Smoothing {
    /** No smoothing: a zero precision makes BLEU zero. */
    NONE("none", Double.NaN),
    /** Method 1: a zero count becomes {@code value} (default 0.1). */
    FLOOR("floor", 0.1),
    /** Method 2: add {@code value} (default 1) to the match and total counts of orders 2 and up. */
    ADD_K("add-k", 1.0),
    /** Method 3, NIST's mteval: the k-th order without a match gets precision 1 / (2^k total). */
    EXP("exp", Double.NaN);

    private final String id;
    private final double defaultValue;

    Smoothing(String id, double defaultValue) {
        this.id = id;
        this.defaultValue = defaultValue;
    }

    /** sacreBLEU's name: "none", "floor", "add-k", "exp". */
    public String id() {
        return id;
    }

    /** The default parameter, NaN for methods that take none. */
    public double defaultValue() {
        return defaultValue;
    }

    /** Whether the method takes a parameter (floor, add-k). */
    public boolean hasValue() {
        return !Double.isNaN(defaultValue);
    }

    /** Looks a method up by its sacreBLEU name. */
    public static Smoothing byName(String name) {
        for (Smoothing s : values()) {
            if (s.id.equals(name)) {
                return s;
            }
        }
        throw new InputException("unknown BLEU smoothing '" + name + "'; known: "
                + Arrays.stream(values()).map(Smoothing::id).collect(Collectors.joining(", ")));
    }
}
