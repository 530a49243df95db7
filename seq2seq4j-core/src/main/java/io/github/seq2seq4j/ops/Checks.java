package io.github.seq2seq4j.ops;

import io.github.seq2seq4j.tensor.Shape;
import io.github.seq2seq4j.tensor.Tensor;

/** Shape checks that fail with a message naming the op and the shapes involved. */
final class Checks {
    private Checks() {}

    static IllegalArgumentException shapeError(String op, String what, Tensor a, Tensor b) {
        return new IllegalArgumentException(op + ": " + what + ": " + Shape.str(a.shape()) + " and " + Shape.str(b.shape()));
    }

    static void sameShape(String op, Tensor a, Tensor b) {
        if (!java.util.Arrays.equals(a.shape(), b.shape())) {
            throw shapeError(op, "shapes differ", a, b);
        }
    }

    static void rank(String op, Tensor t, int rank) {
        if (t.rank() != rank) {
            throw new IllegalArgumentException(op + ": expected rank " + rank + ", got shape " + Shape.str(t.shape()));
        }
    }

    static void minRank(String op, Tensor t, int rank) {
        if (t.rank() < rank) {
            throw new IllegalArgumentException(op + ": expected rank >= " + rank + ", got shape " + Shape.str(t.shape()));
        }
    }

    static int dim(String op, Tensor t, int d) {
        int r = t.rank();
        int dd = d < 0 ? r + d : d;
        if (dd < 0 || dd >= r) {
            throw new IllegalArgumentException(op + ": dimension " + d + " out of range for shape " + Shape.str(t.shape()));
        }
        return dd;
    }
}
