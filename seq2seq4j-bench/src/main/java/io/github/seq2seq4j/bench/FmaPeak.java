package io.github.seq2seq4j.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The fused multiply-adds one core retires with nothing else to do: 16 independent FMA chains on
 * registers (no memory traffic), so that neither the FMA latency nor loads limit them. The ceiling
 * a GEMM micro-kernel is measured against.
 *
 * <p>Usage: {@code java --add-modules jdk.incubator.vector -cp benchmarks.jar
 * io.github.seq2seq4j.bench.FmaPeak}; prints the median GFLOP/s (2 per lane and FMA) of 7 repeats
 * of 10⁸ iterations in the thread's CPU time, after 2 untimed, with their min-max.
 */
public final class FmaPeak {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int CHAINS = 16;

    private FmaPeak() {}

    public static void main(String[] args) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long iterations = 100_000_000L;
        double[] gflops = new double[7];
        float sink = 0;
        for (int rep = -2; rep < gflops.length; rep++) {
            long t0 = mx.getCurrentThreadCpuTime();
            sink += chains(iterations);
            long ns = mx.getCurrentThreadCpuTime() - t0;
            if (rep >= 0) {
                gflops[rep] = 2.0 * CHAINS * SPECIES.length() * iterations / ns;
            }
        }
        Arrays.sort(gflops);
        System.out.printf("# %s, java %s (checksum %s)%n", SPECIES, System.getProperty("java.vm.version"), sink);
        System.out.printf("FMA peak %.1f GFLOP/s (%.1f-%.1f)%n", gflops[3], gflops[0], gflops[6]);
    }

    /** 16 chains x ← x·m + c, m just below 1 so that nothing overflows; returns their sum. */
    private static float chains(long n) {
        FloatVector m = FloatVector.broadcast(SPECIES, 0.9999999f);
        FloatVector c = FloatVector.broadcast(SPECIES, 1e-7f);
        FloatVector a0 = FloatVector.broadcast(SPECIES, 1f);
        FloatVector a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0;
        FloatVector a8 = a0, a9 = a0, a10 = a0, a11 = a0, a12 = a0, a13 = a0, a14 = a0, a15 = a0;
        for (long i = 0; i < n; i++) {
            a0 = a0.fma(m, c);
            a1 = a1.fma(m, c);
            a2 = a2.fma(m, c);
            a3 = a3.fma(m, c);
            a4 = a4.fma(m, c);
            a5 = a5.fma(m, c);
            a6 = a6.fma(m, c);
            a7 = a7.fma(m, c);
            a8 = a8.fma(m, c);
            a9 = a9.fma(m, c);
            a10 = a10.fma(m, c);
            a11 = a11.fma(m, c);
            a12 = a12.fma(m, c);
            a13 = a13.fma(m, c);
            a14 = a14.fma(m, c);
            a15 = a15.fma(m, c);
        }
        FloatVector s = a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7)
                .add(a8).add(a9).add(a10).add(a11).add(a12).add(a13).add(a14).add(a15);
        return s.reduceLanes(VectorOperators.ADD);
    }
}
