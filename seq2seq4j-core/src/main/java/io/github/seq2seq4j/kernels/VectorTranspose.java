package io.github.seq2seq4j.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * A 16×16 block of floats transposed in registers, for packing a panel of Wᵀ (the x·Wᵀ products):
 * 16 row loads, four butterfly stages and 16 vector stores, instead of 256 scalar moves with a
 * strided store each. Stage s swaps bit s of the row index with bit s of the lane index: rows i
 * and i+s (bit s of i clear) exchange their off-diagonal s-wide blocks of lanes. After the stages
 * for s = 1, 2, 4, 8 every index bit is swapped, so row q holds column q. Pure data movement: the
 * packed panel has the same bits as the scalar copy.
 *
 * <p>Each output row is one single-vector rearrange and one blend with a constant mask. The
 * two-vector {@code rearrange(shuffle, v)} would say it in one call, but JDK 17's C2 does not
 * compile it to vector instructions (64×128×384 x·Wᵀ fell to 11 GFLOP/s).
 * Only for 512-bit vectors (16 lanes); loaded only when jdk.incubator.vector is present.
 */
final class VectorTranspose {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_512;
    static final int SIZE = 16;
    // UP_s moves lane k-s to lane k where bit s of k is set; DOWN_s lane k+s to k where it is clear;
    // SET_s selects the lanes whose bit s is set
    private static final VectorShuffle<Float> UP1 = shift(1, true);
    private static final VectorShuffle<Float> DOWN1 = shift(1, false);
    private static final VectorMask<Float> SET1 = lanesWithBit(1);
    private static final VectorShuffle<Float> UP2 = shift(2, true);
    private static final VectorShuffle<Float> DOWN2 = shift(2, false);
    private static final VectorMask<Float> SET2 = lanesWithBit(2);
    private static final VectorShuffle<Float> UP4 = shift(4, true);
    private static final VectorShuffle<Float> DOWN4 = shift(4, false);
    private static final VectorMask<Float> SET4 = lanesWithBit(4);
    private static final VectorShuffle<Float> UP8 = shift(8, true);
    private static final VectorShuffle<Float> DOWN8 = shift(8, false);
    private static final VectorMask<Float> SET8 = lanesWithBit(8);

    private VectorTranspose() {}

    private static VectorShuffle<Float> shift(int s, boolean up) {
        int[] idx = new int[SIZE];
        for (int k = 0; k < SIZE; k++) {
            boolean set = (k & s) != 0;
            idx[k] = up ? (set ? k - s : k) : (set ? k : k + s); // the other lanes are blended away
        }
        return VectorShuffle.fromArray(SPECIES, idx, 0);
    }

    private static VectorMask<Float> lanesWithBit(int s) {
        boolean[] set = new boolean[SIZE];
        for (int k = 0; k < SIZE; k++) {
            set[k] = (k & s) != 0;
        }
        return VectorMask.fromArray(SPECIES, set, 0);
    }

    /**
     * out[dst + q·ldo + r] = b[src + r·ldb + q] for r, q &lt; 16: rows of b become columns of out.
     * Written out by hand: vectors kept in an array would be boxed on JDK 17.
     */
    static void block(float[] b, int src, int ldb, float[] out, int dst, int ldo) {
        FloatVector v0 = FloatVector.fromArray(SPECIES, b, src);
        FloatVector v1 = FloatVector.fromArray(SPECIES, b, src + 1 * ldb);
        FloatVector v2 = FloatVector.fromArray(SPECIES, b, src + 2 * ldb);
        FloatVector v3 = FloatVector.fromArray(SPECIES, b, src + 3 * ldb);
        FloatVector v4 = FloatVector.fromArray(SPECIES, b, src + 4 * ldb);
        FloatVector v5 = FloatVector.fromArray(SPECIES, b, src + 5 * ldb);
        FloatVector v6 = FloatVector.fromArray(SPECIES, b, src + 6 * ldb);
        FloatVector v7 = FloatVector.fromArray(SPECIES, b, src + 7 * ldb);
        FloatVector v8 = FloatVector.fromArray(SPECIES, b, src + 8 * ldb);
        FloatVector v9 = FloatVector.fromArray(SPECIES, b, src + 9 * ldb);
        FloatVector v10 = FloatVector.fromArray(SPECIES, b, src + 10 * ldb);
        FloatVector v11 = FloatVector.fromArray(SPECIES, b, src + 11 * ldb);
        FloatVector v12 = FloatVector.fromArray(SPECIES, b, src + 12 * ldb);
        FloatVector v13 = FloatVector.fromArray(SPECIES, b, src + 13 * ldb);
        FloatVector v14 = FloatVector.fromArray(SPECIES, b, src + 14 * ldb);
        FloatVector v15 = FloatVector.fromArray(SPECIES, b, src + 15 * ldb);
        FloatVector lo;
        // stage 1
        lo = v0.blend(v1.rearrange(UP1), SET1);
        v1 = v0.rearrange(DOWN1).blend(v1, SET1);
        v0 = lo;
        lo = v2.blend(v3.rearrange(UP1), SET1);
        v3 = v2.rearrange(DOWN1).blend(v3, SET1);
        v2 = lo;
        lo = v4.blend(v5.rearrange(UP1), SET1);
        v5 = v4.rearrange(DOWN1).blend(v5, SET1);
        v4 = lo;
        lo = v6.blend(v7.rearrange(UP1), SET1);
        v7 = v6.rearrange(DOWN1).blend(v7, SET1);
        v6 = lo;
        lo = v8.blend(v9.rearrange(UP1), SET1);
        v9 = v8.rearrange(DOWN1).blend(v9, SET1);
        v8 = lo;
        lo = v10.blend(v11.rearrange(UP1), SET1);
        v11 = v10.rearrange(DOWN1).blend(v11, SET1);
        v10 = lo;
        lo = v12.blend(v13.rearrange(UP1), SET1);
        v13 = v12.rearrange(DOWN1).blend(v13, SET1);
        v12 = lo;
        lo = v14.blend(v15.rearrange(UP1), SET1);
        v15 = v14.rearrange(DOWN1).blend(v15, SET1);
        v14 = lo;
        // stage 2
        lo = v0.blend(v2.rearrange(UP2), SET2);
        v2 = v0.rearrange(DOWN2).blend(v2, SET2);
        v0 = lo;
        lo = v1.blend(v3.rearrange(UP2), SET2);
        v3 = v1.rearrange(DOWN2).blend(v3, SET2);
        v1 = lo;
        lo = v4.blend(v6.rearrange(UP2), SET2);
        v6 = v4.rearrange(DOWN2).blend(v6, SET2);
        v4 = lo;
        lo = v5.blend(v7.rearrange(UP2), SET2);
        v7 = v5.rearrange(DOWN2).blend(v7, SET2);
        v5 = lo;
        lo = v8.blend(v10.rearrange(UP2), SET2);
        v10 = v8.rearrange(DOWN2).blend(v10, SET2);
        v8 = lo;
        lo = v9.blend(v11.rearrange(UP2), SET2);
        v11 = v9.rearrange(DOWN2).blend(v11, SET2);
        v9 = lo;
        lo = v12.blend(v14.rearrange(UP2), SET2);
        v14 = v12.rearrange(DOWN2).blend(v14, SET2);
        v12 = lo;
        lo = v13.blend(v15.rearrange(UP2), SET2);
        v15 = v13.rearrange(DOWN2).blend(v15, SET2);
        v13 = lo;
        // stage 4
        lo = v0.blend(v4.rearrange(UP4), SET4);
        v4 = v0.rearrange(DOWN4).blend(v4, SET4);
        v0 = lo;
        lo = v1.blend(v5.rearrange(UP4), SET4);
        v5 = v1.rearrange(DOWN4).blend(v5, SET4);
        v1 = lo;
        lo = v2.blend(v6.rearrange(UP4), SET4);
        v6 = v2.rearrange(DOWN4).blend(v6, SET4);
        v2 = lo;
        lo = v3.blend(v7.rearrange(UP4), SET4);
        v7 = v3.rearrange(DOWN4).blend(v7, SET4);
        v3 = lo;
        lo = v8.blend(v12.rearrange(UP4), SET4);
        v12 = v8.rearrange(DOWN4).blend(v12, SET4);
        v8 = lo;
        lo = v9.blend(v13.rearrange(UP4), SET4);
        v13 = v9.rearrange(DOWN4).blend(v13, SET4);
        v9 = lo;
        lo = v10.blend(v14.rearrange(UP4), SET4);
        v14 = v10.rearrange(DOWN4).blend(v14, SET4);
        v10 = lo;
        lo = v11.blend(v15.rearrange(UP4), SET4);
        v15 = v11.rearrange(DOWN4).blend(v15, SET4);
        v11 = lo;
        // stage 8
        lo = v0.blend(v8.rearrange(UP8), SET8);
        v8 = v0.rearrange(DOWN8).blend(v8, SET8);
        v0 = lo;
        lo = v1.blend(v9.rearrange(UP8), SET8);
        v9 = v1.rearrange(DOWN8).blend(v9, SET8);
        v1 = lo;
        lo = v2.blend(v10.rearrange(UP8), SET8);
        v10 = v2.rearrange(DOWN8).blend(v10, SET8);
        v2 = lo;
        lo = v3.blend(v11.rearrange(UP8), SET8);
        v11 = v3.rearrange(DOWN8).blend(v11, SET8);
        v3 = lo;
        lo = v4.blend(v12.rearrange(UP8), SET8);
        v12 = v4.rearrange(DOWN8).blend(v12, SET8);
        v4 = lo;
        lo = v5.blend(v13.rearrange(UP8), SET8);
        v13 = v5.rearrange(DOWN8).blend(v13, SET8);
        v5 = lo;
        lo = v6.blend(v14.rearrange(UP8), SET8);
        v14 = v6.rearrange(DOWN8).blend(v14, SET8);
        v6 = lo;
        lo = v7.blend(v15.rearrange(UP8), SET8);
        v15 = v7.rearrange(DOWN8).blend(v15, SET8);
        v7 = lo;
        v0.intoArray(out, dst);
        v1.intoArray(out, dst + 1 * ldo);
        v2.intoArray(out, dst + 2 * ldo);
        v3.intoArray(out, dst + 3 * ldo);
        v4.intoArray(out, dst + 4 * ldo);
        v5.intoArray(out, dst + 5 * ldo);
        v6.intoArray(out, dst + 6 * ldo);
        v7.intoArray(out, dst + 7 * ldo);
        v8.intoArray(out, dst + 8 * ldo);
        v9.intoArray(out, dst + 9 * ldo);
        v10.intoArray(out, dst + 10 * ldo);
        v11.intoArray(out, dst + 11 * ldo);
        v12.intoArray(out, dst + 12 * ldo);
        v13.intoArray(out, dst + 13 * ldo);
        v14.intoArray(out, dst + 14 * ldo);
        v15.intoArray(out, dst + 15 * ldo);
    }
}
