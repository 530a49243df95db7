package io.github.seq2seq4j.kernels;

/**
 * One thread's packing buffers, grown on demand and kept for the thread's life, so that a GEMM
 * allocates nothing once its thread has seen its largest shape. At most 288 KiB for packed A
 * (an MC×KC block, or the 16-row panels of the x·Wᵀ path), 4 MiB for packed B (KC×NC) and a tile.
 */
final class GemmScratch {
    private static final ThreadLocal<GemmScratch> OF_THREAD = ThreadLocal.withInitial(GemmScratch::new);

    private float[] packedA = new float[0];
    private float[] packedB = new float[0];
    private float[] tile = new float[0];
    private float[] row = new float[0];

    /** The calling thread's buffers. */
    static GemmScratch ofThread() {
        return OF_THREAD.get();
    }

    float[] packedA(int size) {
        if (packedA.length < size) {
            packedA = new float[size];
        }
        return packedA;
    }

    float[] packedB(int size) {
        if (packedB.length < size) {
            packedB = new float[size];
        }
        return packedB;
    }

    /** A gathered row of op(A) for the one-row product with a packed B. */
    float[] row(int size) {
        if (row.length < size) {
            row = new float[size];
        }
        return row;
    }

    float[] tile(int size) {
        if (tile.length < size) {
            tile = new float[size];
        }
        return tile;
    }
}
