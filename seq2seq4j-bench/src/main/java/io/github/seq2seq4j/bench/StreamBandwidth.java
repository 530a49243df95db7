package io.github.seq2seq4j.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * How fast one core reads a float array of a given size, in the calling thread's CPU time: the
 * ceiling for a one-row product (GEMV), which reads every weight once per decoder step and does
 * one multiply-add per float read. A sum with eight vector accumulators, so the adds' latency is
 * not what limits it.
 *
 * <p>Usage: {@code java --add-modules jdk.incubator.vector -cp benchmarks.jar
 * io.github.seq2seq4j.bench.StreamBandwidth [MB ...]} (default 0.5 1 4 16 64); prints the median
 * GB/s of 7 repeats of 0.2 s, after 3 untimed, with their min-max.
 */
public final class StreamBandwidth {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    private StreamBandwidth() {}

    public static void main(String[] args) {
        String[] sizes = args.length > 0 ? args : new String[] {"0.5", "1", "4", "16", "64"};
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        float sink = 0;
        System.out.println("# " + SPECIES + ", java " + System.getProperty("java.vm.version"));
        for (String mb : sizes) {
            float[] a = new float[(int) (Double.parseDouble(mb) * 1e6 / 4) / (8 * LANES) * (8 * LANES)];
            Arrays.fill(a, 1f);
            double[] gbs = new double[7];
            int calls = (int) Math.max(1, 64_000_000L / (4L * a.length)); // >= 64 MB between clock reads
            for (int rep = -3; rep < gbs.length; rep++) {
                long t0 = mx.getCurrentThreadCpuTime();
                long bytes = 0;
                do { // many sums per clock read: the CPU-time read costs microseconds, a 1 MB sum ~10 µs
                    for (int i = 0; i < calls; i++) {
                        sink += sum(a);
                    }
                    bytes += 4L * a.length * calls;
                } while (mx.getCurrentThreadCpuTime() - t0 < 200_000_000L);
                if (rep >= 0) {
                    gbs[rep] = bytes / ((mx.getCurrentThreadCpuTime() - t0) / 1e9) / 1e9;
                }
            }
            Arrays.sort(gbs);
            System.out.printf("%8s MB  %6.1f GB/s (%.1f-%.1f)%n", mb, gbs[3], gbs[0], gbs[gbs.length - 1]);
        }
        if (sink == 42f) { // keeps the sums alive
            System.out.println();
        }
    }

    /** Σ a[i], a.length a multiple of 8 lanes. */
    private static float sum(float[] a) {
        FloatVector s0 = FloatVector.zero(SPECIES);
        FloatVector s1 = s0;
        FloatVector s2 = s0;
        FloatVector s3 = s0;
        FloatVector s4 = s0;
        FloatVector s5 = s0;
        FloatVector s6 = s0;
        FloatVector s7 = s0;
        for (int i = 0; i < a.length; i += 8 * LANES) {
            s0 = s0.add(FloatVector.fromArray(SPECIES, a, i));
            s1 = s1.add(FloatVector.fromArray(SPECIES, a, i + LANES));
            s2 = s2.add(FloatVector.fromArray(SPECIES, a, i + 2 * LANES));
            s3 = s3.add(FloatVector.fromArray(SPECIES, a, i + 3 * LANES));
            s4 = s4.add(FloatVector.fromArray(SPECIES, a, i + 4 * LANES));
            s5 = s5.add(FloatVector.fromArray(SPECIES, a, i + 5 * LANES));
            s6 = s6.add(FloatVector.fromArray(SPECIES, a, i + 6 * LANES));
            s7 = s7.add(FloatVector.fromArray(SPECIES, a, i + 7 * LANES));
        }
        return s0.add(s1).add(s2).add(s3).add(s4).add(s5).add(s6).add(s7).reduceLanes(VectorOperators.ADD);
    }
}
