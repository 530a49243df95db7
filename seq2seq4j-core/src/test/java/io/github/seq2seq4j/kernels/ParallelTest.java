package io.github.seq2seq4j.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ParallelTest {
    private final int defaultThreads = Parallel.threads();

    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(defaultThreads);
    }

    @Test
    void defaultIsAvailableProcessors() {
        assertEquals(Runtime.getRuntime().availableProcessors(), defaultThreads);
    }

    @Test
    void runsEveryIndexExactlyOnce() {
        for (int threads : new int[] {1, 2, 4}) {
            Parallel.setThreads(threads);
            assertEquals(threads, Parallel.threads());
            for (int count : new int[] {0, 1, 2, 3, 17, 100}) {
                AtomicIntegerArray runs = new AtomicIntegerArray(count);
                Parallel.run(count, runs::incrementAndGet);
                for (int i = 0; i < count; i++) {
                    assertEquals(1, runs.get(i), "index " + i + " of " + count + " on " + threads + " threads");
                }
            }
        }
    }

    @Test
    void nestedAndConcurrentCallsComplete() throws Exception {
        Parallel.setThreads(3);
        AtomicIntegerArray runs = new AtomicIntegerArray(4 * 8 * 8);
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            Future<?>[] done = new Future<?>[4];
            for (int c = 0; c < 4; c++) {
                int caller = c;
                done[c] = callers.submit(() -> Parallel.run(8, outer ->
                        Parallel.run(8, inner -> runs.incrementAndGet((caller * 8 + outer) * 8 + inner))));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            callers.shutdown();
        }
        for (int i = 0; i < runs.length(); i++) {
            assertEquals(1, runs.get(i), "index " + i);
        }
    }

    @Test
    void insideATaskKernelsRunOnTheTasksThreadAlone() {
        Parallel.setThreads(2);
        AtomicIntegerArray seen = new AtomicIntegerArray(2);
        Thread[][] innerThreads = new Thread[2][5];
        Parallel.run(2, outer -> {
            seen.set(outer, Parallel.threads());
            Thread self = Thread.currentThread();
            Parallel.run(5, inner -> innerThreads[outer][inner] = Thread.currentThread());
            for (Thread t : innerThreads[outer]) {
                assertSame(self, t, "a nested task ran on another thread");
            }
        });
        assertEquals(1, seen.get(0));
        assertEquals(1, seen.get(1));
        assertEquals(2, Parallel.threads(), "outside a task the pool's count again");
    }

    @Test
    void taskFailureReachesTheCaller() {
        Parallel.setThreads(2);
        IllegalStateException boom = new IllegalStateException("boom");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> Parallel.run(6, i -> {
            if (i == 4) {
                throw boom;
            }
        }));
        assertSame(boom, thrown);
        AtomicIntegerArray runs = new AtomicIntegerArray(6);
        Parallel.run(6, runs::incrementAndGet);
        assertEquals(6, sum(runs), "the pool still works after a failure");
    }

    @Test
    void rejectsNonPositiveThreadCount() {
        assertThrows(IllegalArgumentException.class, () -> Parallel.setThreads(0));
    }

    private static int sum(AtomicIntegerArray a) {
        int s = 0;
        for (int i = 0; i < a.length(); i++) {
            s += a.get(i);
        }
        return s;
    }
}
