package io.github.seq2seq4j.kernels;

import static io.github.seq2seq4j.kernels.FloatMath.C1;
import static io.github.seq2seq4j.kernels.FloatMath.C2;
import static io.github.seq2seq4j.kernels.FloatMath.EXP_HI;
import static io.github.seq2seq4j.kernels.FloatMath.EXP_LO;
import static io.github.seq2seq4j.kernels.FloatMath.LOG2E;
import static io.github.seq2seq4j.kernels.FloatMath.P0;
import static io.github.seq2seq4j.kernels.FloatMath.P1;
import static io.github.seq2seq4j.kernels.FloatMath.P2;
import static io.github.seq2seq4j.kernels.FloatMath.P3;
import static io.github.seq2seq4j.kernels.FloatMath.P4;
import static io.github.seq2seq4j.kernels.FloatMath.P5;
import static io.github.seq2seq4j.kernels.FloatMath.ROUND;
import static io.github.seq2seq4j.kernels.FloatMath.ROUND_BITS;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FloatMath}'s functions over arrays, a vector of lanes at a time: the same operations in
 * the same order per element, so results equal the scalar functions bit for bit (the tails call
 * them). Loaded only when jdk.incubator.vector is present.
 *
 * <p>Why array functions with e^x written out in each loop, instead of small vector-typed helpers:
 * C2 stops inlining a kernel's own methods once the compilation is large
 * (NodeCountInliningCutoff), and a vector handed to a method that was not inlined is boxed on the
 * heap (measured: 64 bytes per lane group, 5x slower). The Vector API's own methods are always
 * inlined, so loop bodies made only of them cannot fall into that trap, whatever C2 decides about
 * the methods around them.
 *
 * <p>Why every kernel sums a vector's lanes one by one, in order, instead of calling
 * {@code reduceLanes(ADD)}: the API leaves that order to the implementation, and JDK 25 sums a
 * tree in C2-compiled code but in lane order in its Java fallback, which runs until C2 has
 * compiled the method. Which order a sum got then depended on the JIT's timing, and training was
 * not reproducible (the S benchmark's last loss ranged over 1.06-1.86 between runs of one jar).
 * In order is what JDK 17's C2 does, so both JDKs now give the same bits.
 */
final class VectorMath {
    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int L = SPECIES.length();

    private VectorMath() {}

    /** out[k] = σ(a[k] + b[k]) for k &lt; n; b may be null (then σ(a[k])). out may alias a or b. */
    static void sigmoid(float[] a, int ao, float[] b, int bo, float[] out, int oo, int n) {
        FloatVector one = FloatVector.broadcast(SPECIES, 1f);
        int k = 0;
        for (int bound = SPECIES.loopBound(n); k < bound; k += L) {
            FloatVector x = FloatVector.fromArray(SPECIES, a, ao + k);
            if (b != null) {
                x = x.add(FloatVector.fromArray(SPECIES, b, bo + k));
            }
            // e^{-x}, as FloatMath.exp(-x)
            FloatVector v = x.neg().min(EXP_HI).max(EXP_LO);
            FloatVector t = v.mul(LOG2E).add(ROUND);
            FloatVector m = t.sub(ROUND);
            FloatVector r = m.fma(FloatVector.broadcast(SPECIES, -C1), v);
            r = m.fma(FloatVector.broadcast(SPECIES, -C2), r);
            FloatVector p = r.fma(P0, P1);
            p = p.fma(r, FloatVector.broadcast(SPECIES, P2));
            p = p.fma(r, FloatVector.broadcast(SPECIES, P3));
            p = p.fma(r, FloatVector.broadcast(SPECIES, P4));
            p = p.fma(r, FloatVector.broadcast(SPECIES, P5));
            FloatVector scale = ((IntVector) t.reinterpretAsInts()).sub(ROUND_BITS - 127)
                    .lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            FloatVector e = p.fma(r.mul(r), r).add(1f).mul(scale);
            one.div(e.add(1f)).intoArray(out, oo + k);
        }
        for (; k < n; k++) {
            out[oo + k] = FloatMath.sigmoid(b == null ? a[ao + k] : a[ao + k] + b[bo + k]);
        }
    }

    /** out[k] = tanh(a[k] + b[k]) for k &lt; n; b may be null (then tanh(a[k])). out may alias a or b. */
    static void tanh(float[] a, int ao, float[] b, int bo, float[] out, int oo, int n) {
        FloatVector two = FloatVector.broadcast(SPECIES, 2f);
        int k = 0;
        for (int bound = SPECIES.loopBound(n); k < bound; k += L) {
            FloatVector x = FloatVector.fromArray(SPECIES, a, ao + k);
            if (b != null) {
                x = x.add(FloatVector.fromArray(SPECIES, b, bo + k));
            }
            // e^{2x} − 1, as in FloatMath.tanh
            FloatVector v = x.mul(two).min(EXP_HI).max(EXP_LO);
            FloatVector t = v.mul(LOG2E).add(ROUND);
            FloatVector m = t.sub(ROUND);
            FloatVector r = m.fma(FloatVector.broadcast(SPECIES, -C1), v);
            r = m.fma(FloatVector.broadcast(SPECIES, -C2), r);
            FloatVector p = r.fma(P0, P1);
            p = p.fma(r, FloatVector.broadcast(SPECIES, P2));
            p = p.fma(r, FloatVector.broadcast(SPECIES, P3));
            p = p.fma(r, FloatVector.broadcast(SPECIES, P4));
            p = p.fma(r, FloatVector.broadcast(SPECIES, P5));
            FloatVector q = p.fma(r.mul(r), r);
            FloatVector scale = ((IntVector) t.reinterpretAsInts()).sub(ROUND_BITS - 127)
                    .lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            FloatVector em1 = scale.fma(q, scale.sub(1f));
            em1.div(em1.add(two)).intoArray(out, oo + k);
        }
        for (; k < n; k++) {
            out[oo + k] = FloatMath.tanh(b == null ? a[ao + k] : a[ao + k] + b[bo + k]);
        }
    }

    /** y[k] = e^{x[k] − shift} for k &lt; n (y may be x); returns Σ y[k] (summed in lanes). */
    static float expShift(float[] x, int xo, float shift, float[] y, int yo, int n) {
        FloatVector acc = FloatVector.zero(SPECIES);
        int k = 0;
        for (int bound = SPECIES.loopBound(n); k < bound; k += L) {
            FloatVector v = FloatVector.fromArray(SPECIES, x, xo + k).sub(shift).min(EXP_HI).max(EXP_LO);
            FloatVector t = v.mul(LOG2E).add(ROUND);
            FloatVector m = t.sub(ROUND);
            FloatVector r = m.fma(FloatVector.broadcast(SPECIES, -C1), v);
            r = m.fma(FloatVector.broadcast(SPECIES, -C2), r);
            FloatVector p = r.fma(P0, P1);
            p = p.fma(r, FloatVector.broadcast(SPECIES, P2));
            p = p.fma(r, FloatVector.broadcast(SPECIES, P3));
            p = p.fma(r, FloatVector.broadcast(SPECIES, P4));
            p = p.fma(r, FloatVector.broadcast(SPECIES, P5));
            FloatVector scale = ((IntVector) t.reinterpretAsInts()).sub(ROUND_BITS - 127)
                    .lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            FloatVector e = p.fma(r.mul(r), r).add(1f).mul(scale);
            e.intoArray(y, yo + k);
            acc = acc.add(e);
        }
        float sum = acc.lane(0); // lane by lane in order, never reduceLanes: see VectorMath
        for (int j = 1; j < L; j++) {
            sum += acc.lane(j);
        }
        for (; k < n; k++) {
            float e = FloatMath.exp(x[xo + k] - shift);
            y[yo + k] = e;
            sum += e;
        }
        return sum;
    }
}
