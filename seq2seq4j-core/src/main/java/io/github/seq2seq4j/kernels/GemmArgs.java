package io.github.seq2seq4j.kernels;

/**
 * Argument checks for {@link Gemm#gemm}: O(1), so they cost nothing next to even the smallest
 * product, and they turn a wrong leading dimension into a message instead of silently wrong data.
 */
final class GemmArgs {
    private GemmArgs() {}

    static void check(boolean transA, boolean transB, int m, int n, int k,
                      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                      float[] c, int cOff, int ldc) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("gemm: negative size m=" + m + " n=" + n + " k=" + k);
        }
        // stored shapes: A [rows, lda] with rows×cols used, likewise B and C
        matrix("A", a, aOff, lda, transA ? k : m, transA ? m : k);
        matrix("B", b, bOff, ldb, transB ? n : k, transB ? k : n);
        matrix("C", c, cOff, ldc, m, n);
    }

    /** op(A) [m,k]: A stored [m, lda] or, transposed, [k, lda]. */
    static void matrixA(boolean transA, int m, int k, float[] a, int aOff, int lda) {
        matrix("A", a, aOff, lda, transA ? k : m, transA ? m : k);
    }

    /** op(B) [k,n]: B stored [k, ldb] or, transposed, [n, ldb]. */
    static void matrixB(boolean transB, int k, int n, float[] b, int bOff, int ldb) {
        matrix("B", b, bOff, ldb, transB ? n : k, transB ? k : n);
    }

    /** C [m,n] stored [m, ldc]. */
    static void matrixC(int m, int n, float[] c, int cOff, int ldc) {
        matrix("C", c, cOff, ldc, m, n);
    }

    private static void matrix(String name, float[] x, int off, int ld, int rows, int cols) {
        if (ld < Math.max(1, cols)) {
            throw new IllegalArgumentException("gemm: ld" + name.toLowerCase(java.util.Locale.ROOT) + "=" + ld
                    + " is smaller than the " + cols + " columns of stored " + name + " [" + rows + "," + cols + "]");
        }
        if (rows == 0 || cols == 0) {
            return;
        }
        long last = off + (long) (rows - 1) * ld + cols - 1;
        if (off < 0 || last >= x.length) {
            throw new IllegalArgumentException("gemm: stored " + name + " [" + rows + "," + cols + "] with ld=" + ld
                    + " at offset " + off + " needs " + (last + 1) + " floats, array has " + x.length);
        }
    }
}
