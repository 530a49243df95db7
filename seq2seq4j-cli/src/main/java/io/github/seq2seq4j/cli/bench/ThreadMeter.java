package io.github.seq2seq4j.cli.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time and heap allocation of the calling thread over one piece of work: {@link #start()}
 * before it, {@link #cpuMillis()} and {@link #allocatedKb()} after. Both count this thread only,
 * which is all the work with {@code --threads 1}; the kernels' helper threads are not counted.
 */
final class ThreadMeter {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    // HotSpot's extension; null where the JVM cannot count a thread's allocation
    private static final com.sun.management.ThreadMXBean ALLOCATION = THREADS instanceof com.sun.management.ThreadMXBean t
            && t.isThreadAllocatedMemorySupported() && t.isThreadAllocatedMemoryEnabled() ? t : null;

    private long cpu0;
    private long bytes0;

    /** Marks the start of the work. */
    void start() {
        cpu0 = cpuNanos();
        bytes0 = allocatedBytes();
    }

    /** CPU milliseconds of this thread since {@link #start()}, or 0 where the JVM cannot measure it. */
    double cpuMillis() {
        return (cpuNanos() - cpu0) / 1e6;
    }

    /** KiB this thread allocated on the heap since {@link #start()}, or -1 where the JVM cannot count it. */
    double allocatedKb() {
        return ALLOCATION == null ? -1 : (allocatedBytes() - bytes0) / 1024.0;
    }

    private static long cpuNanos() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0L;
    }

    private static long allocatedBytes() {
        return ALLOCATION == null ? 0L : ALLOCATION.getCurrentThreadAllocatedBytes();
    }
}
