package io.github.seq2seq4j.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * GEMM with a 6×(2·lanes) register tile on the Vector API: 12 accumulators, 2 loads of B and one
 * broadcast of A per step, 15 of the 16 AVX2 registers (the tile of the BLIS Haswell kernel).
 * On AVX2 the tile is 6×16 floats; each step does 12 vector FMAs for 8 loads.
 *
 * <p>Loaded only when the jdk.incubator.vector module is present (see {@link KernelSelection}).
 */
final class VectorGemm extends GemmDriver {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    static final int MR = 6;
    static final int NR = 2 * LANES;

    VectorGemm() {
        super(MR, NR, 144, 256, 4032);
    }

    @Override
    public String name() {
        return "vector-" + SPECIES.vectorBitSize() + " (" + MR + "x" + NR + " tile)";
    }

    @Override
    void microKernel(int depth, float[] ap, int ai, float[] bp, int bi,
                     float[] c, int ci, int ldc, boolean load) {
        final int c0 = ci;
        final int c1 = ci + ldc;
        final int c2 = ci + 2 * ldc;
        final int c3 = ci + 3 * ldc;
        final int c4 = ci + 4 * ldc;
        final int c5 = ci + 5 * ldc;
        FloatVector acc00;
        FloatVector acc01;
        FloatVector acc10;
        FloatVector acc11;
        FloatVector acc20;
        FloatVector acc21;
        FloatVector acc30;
        FloatVector acc31;
        FloatVector acc40;
        FloatVector acc41;
        FloatVector acc50;
        FloatVector acc51;
        if (load) {
            acc00 = FloatVector.fromArray(SPECIES, c, c0);
            acc01 = FloatVector.fromArray(SPECIES, c, c0 + LANES);
            acc10 = FloatVector.fromArray(SPECIES, c, c1);
            acc11 = FloatVector.fromArray(SPECIES, c, c1 + LANES);
            acc20 = FloatVector.fromArray(SPECIES, c, c2);
            acc21 = FloatVector.fromArray(SPECIES, c, c2 + LANES);
            acc30 = FloatVector.fromArray(SPECIES, c, c3);
            acc31 = FloatVector.fromArray(SPECIES, c, c3 + LANES);
            acc40 = FloatVector.fromArray(SPECIES, c, c4);
            acc41 = FloatVector.fromArray(SPECIES, c, c4 + LANES);
            acc50 = FloatVector.fromArray(SPECIES, c, c5);
            acc51 = FloatVector.fromArray(SPECIES, c, c5 + LANES);
        } else {
            FloatVector zero = FloatVector.zero(SPECIES);
            acc00 = zero;
            acc01 = zero;
            acc10 = zero;
            acc11 = zero;
            acc20 = zero;
            acc21 = zero;
            acc30 = zero;
            acc31 = zero;
            acc40 = zero;
            acc41 = zero;
            acc50 = zero;
            acc51 = zero;
        }
        int a = ai;
        int b = bi;
        for (int p = 0; p < depth; p++, a += MR, b += NR) {
            FloatVector b0 = FloatVector.fromArray(SPECIES, bp, b);
            FloatVector b1 = FloatVector.fromArray(SPECIES, bp, b + LANES);
            FloatVector av = FloatVector.broadcast(SPECIES, ap[a]);
            acc00 = av.fma(b0, acc00);
            acc01 = av.fma(b1, acc01);
            av = FloatVector.broadcast(SPECIES, ap[a + 1]);
            acc10 = av.fma(b0, acc10);
            acc11 = av.fma(b1, acc11);
            av = FloatVector.broadcast(SPECIES, ap[a + 2]);
            acc20 = av.fma(b0, acc20);
            acc21 = av.fma(b1, acc21);
            av = FloatVector.broadcast(SPECIES, ap[a + 3]);
            acc30 = av.fma(b0, acc30);
            acc31 = av.fma(b1, acc31);
            av = FloatVector.broadcast(SPECIES, ap[a + 4]);
            acc40 = av.fma(b0, acc40);
            acc41 = av.fma(b1, acc41);
            av = FloatVector.broadcast(SPECIES, ap[a + 5]);
            acc50 = av.fma(b0, acc50);
            acc51 = av.fma(b1, acc51);
        }
        acc00.intoArray(c, c0);
        acc01.intoArray(c, c0 + LANES);
        acc10.intoArray(c, c1);
        acc11.intoArray(c, c1 + LANES);
        acc20.intoArray(c, c2);
        acc21.intoArray(c, c2 + LANES);
        acc30.intoArray(c, c3);
        acc31.intoArray(c, c3 + LANES);
        acc40.intoArray(c, c4);
        acc41.intoArray(c, c4 + LANES);
        acc50.intoArray(c, c5);
        acc51.intoArray(c, c5 + LANES);
    }
}
