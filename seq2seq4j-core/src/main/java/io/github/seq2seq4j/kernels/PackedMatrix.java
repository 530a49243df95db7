package io.github.seq2seq4j.kernels;

/**
 * The right-hand operand op(B) [k,n] of {@link Gemm#gemm}, copied once into the panel layout the
 * active kernel streams, so that a product repeated with the same B (a weight multiplied at every
 * time step of a batch) does not copy it again on every call. Filled by {@link Gemm#pack}; the
 * storage is kept and reused when the same object is packed again.
 *
 * <p>A packed matrix is a snapshot: it does not see later changes to the array it was packed from.
 * Products with it give the same bits as {@link Gemm#gemm} with the original operand.
 */
public final class PackedMatrix {
    int depth;
    int columns;
    int layout;
    float[] data = new float[0];

    /** An empty matrix to pack into. */
    public PackedMatrix() {}

    /** k: the rows of op(B). */
    public int depth() {
        return depth;
    }

    /** n: the columns of op(B). */
    public int columns() {
        return columns;
    }

    /** Floats held, padding included (for memory accounting). */
    public int capacity() {
        return data.length;
    }
}
