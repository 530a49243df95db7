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
import static io.github.seq2seq4j.kernels.FloatMath.T0;
import static io.github.seq2seq4j.kernels.FloatMath.T1;
import static io.github.seq2seq4j.kernels.FloatMath.T2;
import static io.github.seq2seq4j.kernels.FloatMath.T3;
import static io.github.seq2seq4j.kernels.FloatMath.T4;
import static io.github.seq2seq4j.kernels.FloatMath.TANH_SMALL;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FloatMath} lane by lane: the same operations in the same order, so each lane equals the
 * scalar function bit for bit. Loaded only when jdk.incubator.vector is present.
 */
final class VectorMath {
    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    private VectorMath() {}

    static FloatVector exp(FloatVector x) {
        x = x.min(EXP_HI).max(EXP_LO);
        FloatVector t = x.mul(LOG2E).add(ROUND);
        FloatVector n = t.sub(ROUND);
        FloatVector r = n.fma(FloatVector.broadcast(SPECIES, -C1), x);
        r = n.fma(FloatVector.broadcast(SPECIES, -C2), r);
        FloatVector p = r.fma(P0, P1); // r·P0 + P1, the scalar fma(P0, r, P1)
        p = p.fma(r, FloatVector.broadcast(SPECIES, P2));
        p = p.fma(r, FloatVector.broadcast(SPECIES, P3));
        p = p.fma(r, FloatVector.broadcast(SPECIES, P4));
        p = p.fma(r, FloatVector.broadcast(SPECIES, P5));
        FloatVector y = p.fma(r.mul(r), r).add(1f);
        FloatVector scale = t.reinterpretAsInts().sub(ROUND_BITS - 127).lanewise(VectorOperators.LSHL, 23)
                .reinterpretAsFloats();
        return y.mul(scale);
    }

    static FloatVector tanh(FloatVector x) {
        FloatVector ax = x.abs();
        FloatVector e = exp(ax.mul(2f));
        FloatVector one = FloatVector.broadcast(SPECIES, 1f);
        FloatVector big = one.sub(FloatVector.broadcast(SPECIES, 2f).div(e.add(1f)));
        // copySign: big ≥ 0, so OR-ing in x's sign bit gives ±big
        big = big.reinterpretAsInts().or(x.reinterpretAsInts().and(0x80000000)).reinterpretAsFloats();
        FloatVector s = x.mul(x);
        FloatVector p = s.fma(T0, T1);
        p = p.fma(s, FloatVector.broadcast(SPECIES, T2));
        p = p.fma(s, FloatVector.broadcast(SPECIES, T3));
        p = p.fma(s, FloatVector.broadcast(SPECIES, T4));
        FloatVector small = p.mul(s).fma(x, x);
        VectorMask<Float> large = ax.compare(VectorOperators.GE, TANH_SMALL);
        return small.blend(big, large);
    }

    static FloatVector sigmoid(FloatVector x) {
        FloatVector one = FloatVector.broadcast(SPECIES, 1f);
        return one.div(exp(x.neg()).add(1f));
    }
}
