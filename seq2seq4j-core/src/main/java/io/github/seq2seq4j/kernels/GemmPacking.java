package io.github.seq2seq4j.kernels;

/**
 * Copies blocks of op(A) and op(B) into the contiguous, zero-padded panel layouts that the
 * micro-kernels stream through, resolving both transpose flags here so the kernels see one layout.
 *
 * <pre>
 *   A panel r (rows r·mr .. r·mr+mr-1): ap[apOff + (r·kc + p)·mr + ii] = op(A)[row0 + r·mr + ii, col0 + p]
 *   B panel s (cols s·nr .. s·nr+nr-1): bp[bpOff + (s·kc + p)·nr + jj] = op(B)[row0 + p, col0 + s·nr + jj]
 * </pre>
 *
 * Rows or columns past the block's end are written as zeros, so a kernel may always run full
 * mr×nr tiles and discard the padded part. Plain Java: used by the vector and fallback kernels alike.
 */
final class GemmPacking {
    private GemmPacking() {}

    /**
     * Packs op(A)[i0 : i0+mc, p0 : p0+kc] into ceil(mc/mr) panels of mr rows.
     * op(A) = A stored [m, lda] when !transA, or Aᵀ with A stored [k, lda] when transA.
     */
    static void packA(boolean transA, float[] a, int aOff, int lda, int i0, int mc, int p0, int kc,
                      int mr, float[] ap, int apOff) {
        int dst = apOff;
        for (int r = 0; r < mc; r += mr) {
            int rows = Math.min(mr, mc - r);
            if (transA && rows == 4 && mr == 4) {
                // the common case written out: four adjacent copies per p, no inner loop
                int src = aOff + p0 * lda + i0 + r;
                for (int p = 0; p < kc; p++, src += lda, dst += 4) {
                    ap[dst] = a[src];
                    ap[dst + 1] = a[src + 1];
                    ap[dst + 2] = a[src + 2];
                    ap[dst + 3] = a[src + 3];
                }
            } else if (transA) {
                // column p of op(A) is row p of A: mr contiguous floats per p (a loop, not
                // System.arraycopy, whose call costs more than copying four floats)
                int src = aOff + p0 * lda + i0 + r;
                for (int p = 0; p < kc; p++, src += lda, dst += mr) {
                    for (int ii = 0; ii < rows; ii++) {
                        ap[dst + ii] = a[src + ii];
                    }
                    for (int ii = rows; ii < mr; ii++) {
                        ap[dst + ii] = 0f;
                    }
                }
            } else {
                // transposing copy: row ii of the panel becomes every mr-th float
                for (int ii = 0; ii < mr; ii++) {
                    int out = dst + ii;
                    if (ii < rows) {
                        int src = aOff + (i0 + r + ii) * lda + p0;
                        for (int p = 0; p < kc; p++, out += mr) {
                            ap[out] = a[src + p];
                        }
                    } else {
                        for (int p = 0; p < kc; p++, out += mr) {
                            ap[out] = 0f;
                        }
                    }
                }
                dst += kc * mr;
            }
        }
    }

    /**
     * Packs one panel, op(B)[p0 : p0+kc, j0 : j0+cols] padded with zeros to nr columns.
     * op(B) = B stored [k, ldb] when !transB, or Bᵀ with B stored [n, ldb] when transB.
     */
    static void packBPanel(boolean transB, float[] b, int bOff, int ldb, int p0, int kc, int j0, int cols,
                           int nr, float[] bp, int dst) {
        if (!transB) {
            int src = bOff + p0 * ldb + j0;
            for (int p = 0; p < kc; p++, src += ldb, dst += nr) {
                System.arraycopy(b, src, bp, dst, cols);
                for (int jj = cols; jj < nr; jj++) {
                    bp[dst + jj] = 0f;
                }
            }
        } else {
            // transposing copy (the x·Wᵀ case): column jj of the panel is row j0+jj of B
            for (int jj = 0; jj < nr; jj++) {
                int out = dst + jj;
                if (jj < cols) {
                    int src = bOff + (j0 + jj) * ldb + p0;
                    for (int p = 0; p < kc; p++, out += nr) {
                        bp[out] = b[src + p];
                    }
                } else {
                    for (int p = 0; p < kc; p++, out += nr) {
                        bp[out] = 0f;
                    }
                }
            }
        }
    }
}
