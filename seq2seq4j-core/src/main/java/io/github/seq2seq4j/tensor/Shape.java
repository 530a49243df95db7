package io.github.seq2seq4j.tensor;

import java.util.Arrays;

/** Helpers for shapes (int arrays, row-major). */
public final class Shape {
    private Shape() {}

    /** Number of elements of a shape; the empty shape is a scalar of size 1. */
    public static int size(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("shape " + str(shape) + " has more than 2^31 elements");
        }
        return (int) n;
    }

    /** Validates that every dimension is non-negative; returns a defensive copy. */
    public static int[] check(int[] shape) {
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + str(shape));
            }
        }
        return shape.clone();
    }

    /** Row-major flat index of {@code index} in {@code shape}, bounds-checked. */
    public static int flatIndex(int[] shape, int[] index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException("index " + Arrays.toString(index) + " for shape " + str(shape));
        }
        int flat = 0;
        for (int i = 0; i < shape.length; i++) {
            if (index[i] < 0 || index[i] >= shape[i]) {
                throw new IndexOutOfBoundsException("index " + Arrays.toString(index) + " for shape " + str(shape));
            }
            flat = flat * shape[i] + index[i];
        }
        return flat;
    }

    /** "[2, 3]" style string. */
    public static String str(int[] shape) {
        return Arrays.toString(shape);
    }

    /** Product of dimensions [from, to). */
    public static int prod(int[] shape, int from, int to) {
        int n = 1;
        for (int i = from; i < to; i++) {
            n *= shape[i];
        }
        return n;
    }
}
