package io.github.seq2seq4j.kernels;

import java.util.Arrays;

/**
 * The plain-Java GEMM, for JVMs without the incubator module or when forced with
 * {@code -Dseq2seq4j.kernels=scalar}: the same blocking and packing as {@link VectorPackedGemm},
 * with a 4×64 tile kept in C itself and four steps of p fused per pass, so that C is loaded and
 * stored once per four multiply-adds.
 *
 * <p>It is scalar code: C2 (JDK 17 and 25) does not auto-vectorise these {@link Math#fma} loops
 * over arrays at different offsets, and a plain {@code c += a * b} would round twice and lose the
 * property below. Every element is one FMA chain in p order, so results equal the vector kernels'
 * bit for bit; speed is about a tenth of theirs (docs/benchmarks.md).
 */
final class BlockedGemm extends GemmDriver {
    static final int MR = 4;
    static final int NR = 64;

    /** kc = 128: a 128×64 B̃ panel is 32 KiB, read once per row of the tile. */
    BlockedGemm() {
        super(MR, NR, 144, 128, 4032);
    }

    @Override
    public String name() {
        return "java-blocked (" + MR + "x" + NR + " tile)";
    }

    /**
     * One row times packed B: eight outputs of a panel at a time, each one chain of fused
     * multiply-adds over p in order from C or 0 (the tile's arithmetic without its three idle rows).
     */
    @Override
    void rowTimesPanels(int depth, float[] x, int xp, float[] bp, int bi, float[] c, int ci, int cols,
                        boolean load) {
        for (int jr = 0; jr < cols; jr += NR) {
            int panelCols = Math.min(NR, cols - jr);
            int panel = bi + jr * depth;
            int j = 0;
            for (; j + 8 <= panelCols; j += 8) {
                int o = ci + jr + j;
                float a0 = load ? c[o] : 0f, a1 = load ? c[o + 1] : 0f, a2 = load ? c[o + 2] : 0f;
                float a3 = load ? c[o + 3] : 0f, a4 = load ? c[o + 4] : 0f, a5 = load ? c[o + 5] : 0f;
                float a6 = load ? c[o + 6] : 0f, a7 = load ? c[o + 7] : 0f;
                for (int p = 0, b = panel + j; p < depth; p++, b += NR) {
                    float xv = x[xp + p];
                    a0 = Math.fma(xv, bp[b], a0);
                    a1 = Math.fma(xv, bp[b + 1], a1);
                    a2 = Math.fma(xv, bp[b + 2], a2);
                    a3 = Math.fma(xv, bp[b + 3], a3);
                    a4 = Math.fma(xv, bp[b + 4], a4);
                    a5 = Math.fma(xv, bp[b + 5], a5);
                    a6 = Math.fma(xv, bp[b + 6], a6);
                    a7 = Math.fma(xv, bp[b + 7], a7);
                }
                c[o] = a0;
                c[o + 1] = a1;
                c[o + 2] = a2;
                c[o + 3] = a3;
                c[o + 4] = a4;
                c[o + 5] = a5;
                c[o + 6] = a6;
                c[o + 7] = a7;
            }
            for (; j < panelCols; j++) {
                int o = ci + jr + j;
                float acc = load ? c[o] : 0f;
                for (int p = 0, b = panel + j; p < depth; p++, b += NR) {
                    acc = Math.fma(x[xp + p], bp[b], acc);
                }
                c[o] = acc;
            }
        }
    }

    @Override
    void microKernel(int depth, float[] ap, int ai, float[] bp, int bi,
                     float[] c, int ci, int ldc, boolean load) {
        for (int i = 0; i < MR; i++) {
            int cRow = ci + i * ldc;
            if (!load) {
                Arrays.fill(c, cRow, cRow + NR, 0f);
            }
            int p = 0;
            for (; p + 4 <= depth; p += 4) {
                int a = ai + p * MR + i;
                float a0 = ap[a];
                float a1 = ap[a + MR];
                float a2 = ap[a + 2 * MR];
                float a3 = ap[a + 3 * MR];
                int b0 = bi + p * NR;
                int b1 = b0 + NR;
                int b2 = b1 + NR;
                int b3 = b2 + NR;
                for (int j = 0; j < NR; j++) {
                    float acc = c[cRow + j];
                    acc = Math.fma(a0, bp[b0 + j], acc);
                    acc = Math.fma(a1, bp[b1 + j], acc);
                    acc = Math.fma(a2, bp[b2 + j], acc);
                    acc = Math.fma(a3, bp[b3 + j], acc);
                    c[cRow + j] = acc;
                }
            }
            for (; p < depth; p++) {
                float a0 = ap[ai + p * MR + i];
                int b0 = bi + p * NR;
                for (int j = 0; j < NR; j++) {
                    c[cRow + j] = Math.fma(a0, bp[b0 + j], c[cRow + j]);
                }
            }
        }
    }
}
