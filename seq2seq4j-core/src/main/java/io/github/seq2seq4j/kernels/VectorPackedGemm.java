package io.github.seq2seq4j.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * GEMM with a 4×(2·lanes) register tile on the Vector API: 8 accumulators, 2 loads of B and 4
 * broadcasts of A per step (4×16 floats on AVX2, 8 FMAs per step). With 512-bit vectors two
 * adjacent 4-row panels run together as an 8×32 tile ({@link #twoPanelKernel}); A keeps its 4-row
 * panels either way, so packing and results do not depend on the vector width.
 *
 * <p>Why 4 rows: C2 schedules all of a step's broadcasts (they are loads) ahead of the FMAs, so a
 * tile needs accumulators + B vectors + one register per row of A. With 6×16 (the BLIS Haswell
 * tile) or 5×16 that exceeds the 16 AVX2 registers and, depending on the compilation, C2 spills an
 * accumulator to the stack inside the loop, which halves the speed (seen on JDK 17 and 25). 4×16
 * needs 14 registers in the worst case, so every compilation is fast (docs/benchmarks.md).
 * Indices are computed from the loop counter so that C2 can drop the bounds checks on the panels.
 *
 * <p>Loaded only when the jdk.incubator.vector module is present (see {@link KernelSelection}).
 */
final class VectorPackedGemm extends GemmDriver {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    static final int MR = 4;
    static final int NR = 2 * LANES;

    VectorPackedGemm() {
        super(MR, NR, 144, EIGHT_ROW_TILES ? 512 : 256, EIGHT_ROW_TILES ? 2016 : 4032);
    }

    @Override
    public String name() {
        return "vector-" + SPECIES.vectorBitSize() + " (" + (EIGHT_ROW_TILES ? 2 * MR : MR) + "x" + NR + " tile)";
    }

    @Override
    void microKernel(int depth, float[] ap, int ai, float[] bp, int bi,
                     float[] c, int ci, int ldc, boolean load) {
        FloatVector acc00;
        FloatVector acc01;
        FloatVector acc10;
        FloatVector acc11;
        FloatVector acc20;
        FloatVector acc21;
        FloatVector acc30;
        FloatVector acc31;
        if (load) {
            acc00 = FloatVector.fromArray(SPECIES, c, ci);
            acc01 = FloatVector.fromArray(SPECIES, c, ci + LANES);
            acc10 = FloatVector.fromArray(SPECIES, c, ci + ldc);
            acc11 = FloatVector.fromArray(SPECIES, c, ci + ldc + LANES);
            acc20 = FloatVector.fromArray(SPECIES, c, ci + 2 * ldc);
            acc21 = FloatVector.fromArray(SPECIES, c, ci + 2 * ldc + LANES);
            acc30 = FloatVector.fromArray(SPECIES, c, ci + 3 * ldc);
            acc31 = FloatVector.fromArray(SPECIES, c, ci + 3 * ldc + LANES);
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
        }
        for (int p = 0; p < depth; p++) {
            int a = ai + p * MR;
            int b = bi + p * NR;
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
        }
        acc00.intoArray(c, ci);
        acc01.intoArray(c, ci + LANES);
        acc10.intoArray(c, ci + ldc);
        acc11.intoArray(c, ci + ldc + LANES);
        acc20.intoArray(c, ci + 2 * ldc);
        acc21.intoArray(c, ci + 2 * ldc + LANES);
        acc30.intoArray(c, ci + 3 * ldc);
        acc31.intoArray(c, ci + 3 * ldc + LANES);
    }

    /**
     * With 512-bit vectors the machine has 32 vector registers (AVX-512), enough for two 4-row
     * panels at once: 16 accumulators, 2 B vectors and the broadcasts. Each B load then feeds 8
     * FMAs instead of 4, and 16 independent chains hide the FMA latency with room to spare (8 is
     * the bare minimum for two FMA units of 4 cycles' latency). With 256-bit vectors (16 registers)
     * C2 would spill, so the 4-row kernel runs alone there. {@link VectorNtGemm} sizes its tiles by
     * the same fact.
     *
     * <p>The 8-row tiles also take depth blocks of 512 instead of 256 (and column blocks of 2016, so
     * that a packed B̃ block stays 4 MiB): C is loaded and stored once per depth block, and with
     * B̃ panels of 32 columns a 512-deep panel (64 KiB) is still read from L1/L2 by the tiles below
     * it. Measured in one JVM, alternated, JDK 17 and 25: the decoder's packed products 64×512×8000,
     * 64×1280×1536 and 64×384×1024 4-15 % faster, the training shapes 0-6 % (docs/performance.md,
     * change 29). Narrower vectors keep 256, not measured otherwise.
     */
    static final boolean EIGHT_ROW_TILES = SPECIES.vectorBitSize() >= 512;

    @Override
    boolean hasTwoPanelKernel() {
        return EIGHT_ROW_TILES;
    }

    @Override
    void twoPanelKernel(int depth, float[] ap, int ai, float[] bp, int bi, float[] c, int ci, int ldc, boolean load) {
        int aj = ai + MR * depth; // the second panel: rows 4..7 of the tile
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
        FloatVector acc60;
        FloatVector acc61;
        FloatVector acc70;
        FloatVector acc71;
        if (load) {
            acc00 = FloatVector.fromArray(SPECIES, c, ci);
            acc01 = FloatVector.fromArray(SPECIES, c, ci + LANES);
            acc10 = FloatVector.fromArray(SPECIES, c, ci + ldc);
            acc11 = FloatVector.fromArray(SPECIES, c, ci + ldc + LANES);
            acc20 = FloatVector.fromArray(SPECIES, c, ci + 2 * ldc);
            acc21 = FloatVector.fromArray(SPECIES, c, ci + 2 * ldc + LANES);
            acc30 = FloatVector.fromArray(SPECIES, c, ci + 3 * ldc);
            acc31 = FloatVector.fromArray(SPECIES, c, ci + 3 * ldc + LANES);
            acc40 = FloatVector.fromArray(SPECIES, c, ci + 4 * ldc);
            acc41 = FloatVector.fromArray(SPECIES, c, ci + 4 * ldc + LANES);
            acc50 = FloatVector.fromArray(SPECIES, c, ci + 5 * ldc);
            acc51 = FloatVector.fromArray(SPECIES, c, ci + 5 * ldc + LANES);
            acc60 = FloatVector.fromArray(SPECIES, c, ci + 6 * ldc);
            acc61 = FloatVector.fromArray(SPECIES, c, ci + 6 * ldc + LANES);
            acc70 = FloatVector.fromArray(SPECIES, c, ci + 7 * ldc);
            acc71 = FloatVector.fromArray(SPECIES, c, ci + 7 * ldc + LANES);
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
            acc60 = zero;
            acc61 = zero;
            acc70 = zero;
            acc71 = zero;
        }
        for (int p = 0; p < depth; p++) {
            int a = ai + p * MR;
            int a2 = aj + p * MR;
            int b = bi + p * NR;
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
            av = FloatVector.broadcast(SPECIES, ap[a2]);
            acc40 = av.fma(b0, acc40);
            acc41 = av.fma(b1, acc41);
            av = FloatVector.broadcast(SPECIES, ap[a2 + 1]);
            acc50 = av.fma(b0, acc50);
            acc51 = av.fma(b1, acc51);
            av = FloatVector.broadcast(SPECIES, ap[a2 + 2]);
            acc60 = av.fma(b0, acc60);
            acc61 = av.fma(b1, acc61);
            av = FloatVector.broadcast(SPECIES, ap[a2 + 3]);
            acc70 = av.fma(b0, acc70);
            acc71 = av.fma(b1, acc71);
        }
        acc00.intoArray(c, ci);
        acc01.intoArray(c, ci + LANES);
        acc10.intoArray(c, ci + ldc);
        acc11.intoArray(c, ci + ldc + LANES);
        acc20.intoArray(c, ci + 2 * ldc);
        acc21.intoArray(c, ci + 2 * ldc + LANES);
        acc30.intoArray(c, ci + 3 * ldc);
        acc31.intoArray(c, ci + 3 * ldc + LANES);
        acc40.intoArray(c, ci + 4 * ldc);
        acc41.intoArray(c, ci + 4 * ldc + LANES);
        acc50.intoArray(c, ci + 5 * ldc);
        acc51.intoArray(c, ci + 5 * ldc + LANES);
        acc60.intoArray(c, ci + 6 * ldc);
        acc61.intoArray(c, ci + 6 * ldc + LANES);
        acc70.intoArray(c, ci + 7 * ldc);
        acc71.intoArray(c, ci + 7 * ldc + LANES);
    }

    /*
     * twoPanelKernel and twoPanelKernelInPlace are the same 8x32 tile over two layouts of A, kept
     * apart on purpose. Sending transposed A through the in-place kernel too (a row-major copy of
     * its rows, then this kernel) was measured: the copy is a scattered transposition, where the
     * 4-row panels take four adjacent floats per step, and the TN products ran 14-36 % slower in
     * each of three alternated pairs (MatmulCpuTime, 6 Dec 00:34). One kernel with the row and
     * depth strides as parameters would leave the bounds checks in the loop: C2 removes them only
     * for indices whose stride is a constant.
     */
    @Override
    void twoPanelKernelInPlace(int depth, float[] a, int a0, int lda, float[] bp, int bi, float[] c, int ci, int ldc,
                               boolean load) {
        // rows 0..7 of A in place: eight runs of consecutive floats, indices linear in p as for the panels
        int r1 = a0 + lda;
        int r2 = r1 + lda;
        int r3 = r2 + lda;
        int r4 = r3 + lda;
        int r5 = r4 + lda;
        int r6 = r5 + lda;
        int r7 = r6 + lda;
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
        FloatVector acc60;
        FloatVector acc61;
        FloatVector acc70;
        FloatVector acc71;
        if (load) {
            acc00 = FloatVector.fromArray(SPECIES, c, ci);
            acc01 = FloatVector.fromArray(SPECIES, c, ci + LANES);
            acc10 = FloatVector.fromArray(SPECIES, c, ci + ldc);
            acc11 = FloatVector.fromArray(SPECIES, c, ci + ldc + LANES);
            acc20 = FloatVector.fromArray(SPECIES, c, ci + 2 * ldc);
            acc21 = FloatVector.fromArray(SPECIES, c, ci + 2 * ldc + LANES);
            acc30 = FloatVector.fromArray(SPECIES, c, ci + 3 * ldc);
            acc31 = FloatVector.fromArray(SPECIES, c, ci + 3 * ldc + LANES);
            acc40 = FloatVector.fromArray(SPECIES, c, ci + 4 * ldc);
            acc41 = FloatVector.fromArray(SPECIES, c, ci + 4 * ldc + LANES);
            acc50 = FloatVector.fromArray(SPECIES, c, ci + 5 * ldc);
            acc51 = FloatVector.fromArray(SPECIES, c, ci + 5 * ldc + LANES);
            acc60 = FloatVector.fromArray(SPECIES, c, ci + 6 * ldc);
            acc61 = FloatVector.fromArray(SPECIES, c, ci + 6 * ldc + LANES);
            acc70 = FloatVector.fromArray(SPECIES, c, ci + 7 * ldc);
            acc71 = FloatVector.fromArray(SPECIES, c, ci + 7 * ldc + LANES);
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
            acc60 = zero;
            acc61 = zero;
            acc70 = zero;
            acc71 = zero;
        }
        for (int p = 0; p < depth; p++) {
            int b = bi + p * NR;
            FloatVector b0 = FloatVector.fromArray(SPECIES, bp, b);
            FloatVector b1 = FloatVector.fromArray(SPECIES, bp, b + LANES);
            FloatVector av = FloatVector.broadcast(SPECIES, a[a0 + p]);
            acc00 = av.fma(b0, acc00);
            acc01 = av.fma(b1, acc01);
            av = FloatVector.broadcast(SPECIES, a[r1 + p]);
            acc10 = av.fma(b0, acc10);
            acc11 = av.fma(b1, acc11);
            av = FloatVector.broadcast(SPECIES, a[r2 + p]);
            acc20 = av.fma(b0, acc20);
            acc21 = av.fma(b1, acc21);
            av = FloatVector.broadcast(SPECIES, a[r3 + p]);
            acc30 = av.fma(b0, acc30);
            acc31 = av.fma(b1, acc31);
            av = FloatVector.broadcast(SPECIES, a[r4 + p]);
            acc40 = av.fma(b0, acc40);
            acc41 = av.fma(b1, acc41);
            av = FloatVector.broadcast(SPECIES, a[r5 + p]);
            acc50 = av.fma(b0, acc50);
            acc51 = av.fma(b1, acc51);
            av = FloatVector.broadcast(SPECIES, a[r6 + p]);
            acc60 = av.fma(b0, acc60);
            acc61 = av.fma(b1, acc61);
            av = FloatVector.broadcast(SPECIES, a[r7 + p]);
            acc70 = av.fma(b0, acc70);
            acc71 = av.fma(b1, acc71);
        }
        acc00.intoArray(c, ci);
        acc01.intoArray(c, ci + LANES);
        acc10.intoArray(c, ci + ldc);
        acc11.intoArray(c, ci + ldc + LANES);
        acc20.intoArray(c, ci + 2 * ldc);
        acc21.intoArray(c, ci + 2 * ldc + LANES);
        acc30.intoArray(c, ci + 3 * ldc);
        acc31.intoArray(c, ci + 3 * ldc + LANES);
        acc40.intoArray(c, ci + 4 * ldc);
        acc41.intoArray(c, ci + 4 * ldc + LANES);
        acc50.intoArray(c, ci + 5 * ldc);
        acc51.intoArray(c, ci + 5 * ldc + LANES);
        acc60.intoArray(c, ci + 6 * ldc);
        acc61.intoArray(c, ci + 6 * ldc + LANES);
        acc70.intoArray(c, ci + 7 * ldc);
        acc71.intoArray(c, ci + 7 * ldc + LANES);
    }

    /**
     * One row times packed B: vectors along n, four panels (8 accumulators) at a time so that eight
     * independent FMA chains hide the FMA latency, each lane one chain over p in order from C or 0,
     * exactly as {@link #microKernel} computes a row of a tile. The row x is read from L1.
     */
    @Override
    void rowTimesPanels(int depth, float[] x, int xp, float[] bp, int bi, float[] c, int ci, int cols,
                        boolean load) {
        int ps = depth * NR;
        int j = 0;
        for (; j + 4 * NR <= cols; j += 4 * NR) {
            rowPanels4(depth, x, xp, bp, bi + j * depth, ps, c, ci + j, load);
        }
        for (; j < cols; j += NR) {
            int panelCols = Math.min(NR, cols - j);
            if (panelCols == NR) {
                rowPanel(depth, x, xp, bp, bi + j * depth, c, ci + j, load);
            } else { // the last, partial panel: through a tile of NR floats
                float[] tile = GemmScratch.ofThread().tile(NR);
                if (load) {
                    System.arraycopy(c, ci + j, tile, 0, panelCols);
                }
                rowPanel(depth, x, xp, bp, bi + j * depth, tile, 0, load);
                System.arraycopy(tile, 0, c, ci + j, panelCols);
            }
        }
    }

    /** c[ci .. ci+4·NR) (+)= Σ_p x[xp+p] · (4 consecutive panels starting at bp[bi], stride ps). */
    private static void rowPanels4(int depth, float[] x, int xp, float[] bp, int bi, int ps, float[] c, int ci,
                                   boolean load) {
        FloatVector a0;
        FloatVector a1;
        FloatVector a2;
        FloatVector a3;
        FloatVector a4;
        FloatVector a5;
        FloatVector a6;
        FloatVector a7;
        if (load) {
            a0 = FloatVector.fromArray(SPECIES, c, ci);
            a1 = FloatVector.fromArray(SPECIES, c, ci + LANES);
            a2 = FloatVector.fromArray(SPECIES, c, ci + 2 * LANES);
            a3 = FloatVector.fromArray(SPECIES, c, ci + 3 * LANES);
            a4 = FloatVector.fromArray(SPECIES, c, ci + 4 * LANES);
            a5 = FloatVector.fromArray(SPECIES, c, ci + 5 * LANES);
            a6 = FloatVector.fromArray(SPECIES, c, ci + 6 * LANES);
            a7 = FloatVector.fromArray(SPECIES, c, ci + 7 * LANES);
        } else {
            FloatVector zero = FloatVector.zero(SPECIES);
            a0 = zero;
            a1 = zero;
            a2 = zero;
            a3 = zero;
            a4 = zero;
            a5 = zero;
            a6 = zero;
            a7 = zero;
        }
        for (int p = 0; p < depth; p++) {
            FloatVector xv = FloatVector.broadcast(SPECIES, x[xp + p]);
            int b = bi + p * NR;
            a0 = xv.fma(FloatVector.fromArray(SPECIES, bp, b), a0);
            a1 = xv.fma(FloatVector.fromArray(SPECIES, bp, b + LANES), a1);
            a2 = xv.fma(FloatVector.fromArray(SPECIES, bp, b + ps), a2);
            a3 = xv.fma(FloatVector.fromArray(SPECIES, bp, b + ps + LANES), a3);
            a4 = xv.fma(FloatVector.fromArray(SPECIES, bp, b + 2 * ps), a4);
            a5 = xv.fma(FloatVector.fromArray(SPECIES, bp, b + 2 * ps + LANES), a5);
            a6 = xv.fma(FloatVector.fromArray(SPECIES, bp, b + 3 * ps), a6);
            a7 = xv.fma(FloatVector.fromArray(SPECIES, bp, b + 3 * ps + LANES), a7);
        }
        a0.intoArray(c, ci);
        a1.intoArray(c, ci + LANES);
        a2.intoArray(c, ci + 2 * LANES);
        a3.intoArray(c, ci + 3 * LANES);
        a4.intoArray(c, ci + 4 * LANES);
        a5.intoArray(c, ci + 5 * LANES);
        a6.intoArray(c, ci + 6 * LANES);
        a7.intoArray(c, ci + 7 * LANES);
    }

    /** c[ci .. ci+NR) (+)= Σ_p x[xp+p] · panel at bp[bi]: one panel, two chains per lane pair. */
    private static void rowPanel(int depth, float[] x, int xp, float[] bp, int bi, float[] c, int ci, boolean load) {
        FloatVector a0;
        FloatVector a1;
        if (load) {
            a0 = FloatVector.fromArray(SPECIES, c, ci);
            a1 = FloatVector.fromArray(SPECIES, c, ci + LANES);
        } else {
            a0 = FloatVector.zero(SPECIES);
            a1 = a0;
        }
        for (int p = 0; p < depth; p++) {
            FloatVector xv = FloatVector.broadcast(SPECIES, x[xp + p]);
            int b = bi + p * NR;
            a0 = xv.fma(FloatVector.fromArray(SPECIES, bp, b), a0);
            a1 = xv.fma(FloatVector.fromArray(SPECIES, bp, b + LANES), a1);
        }
        a0.intoArray(c, ci);
        a1.intoArray(c, ci + LANES);
    }

    /** A panel of B without transposition is nr contiguous floats per step: two vector copies. */
    @Override
    void packBPanel(boolean transB, float[] b, int bOff, int ldb, int p0, int kc, int j0, int cols,
                    float[] bp, int dst) {
        if (transB || cols != NR) {
            super.packBPanel(transB, b, bOff, ldb, p0, kc, j0, cols, bp, dst);
            return;
        }
        int src = bOff + p0 * ldb + j0;
        for (int p = 0; p < kc; p++) {
            FloatVector.fromArray(SPECIES, b, src + p * ldb).intoArray(bp, dst + p * NR);
            FloatVector.fromArray(SPECIES, b, src + p * ldb + LANES).intoArray(bp, dst + p * NR + LANES);
        }
    }
}
