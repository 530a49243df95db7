package io.github.seq2seq4j.kernels;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The kernels' shared worker pool. {@link #run} executes tasks 0..count-1 on the calling thread
 * and up to {@code threads() - 1} daemon workers; it returns when all are done.
 *
 * <p>Tasks are claimed dynamically, so a task must compute the same thing whichever thread runs
 * it: kernels give each task a fixed part of the output, which keeps results independent of the
 * thread count. Workers poll briefly after a job before parking, because training issues GEMMs
 * back to back and waking a parked thread costs tens of microseconds. They poll with
 * {@link Thread#yield()} rather than a busy spin: when the machine is oversubscribed and a worker
 * shares a core with the caller, a busy spin would keep the caller off its core for the whole
 * spin (measured: 50 µs stalls per call, see docs/benchmarks.md).
 *
 * <p>Work is not nested: inside a task, {@link #threads()} is 1 and {@link #run} runs on the
 * task's own thread, so data-parallel training (one task per half-batch) runs each half's kernels
 * serially instead of queueing sub-jobs that nobody is free to help with.
 */
public final class Parallel {
    /** A unit of work identified by its index. */
    @FunctionalInterface
    public interface Task {
        void run(int index);
    }

    /** How long an idle worker, or a caller waiting for workers, polls before it parks. */
    private static final long SPIN_NANOS = 50_000;

    private static volatile Pool pool = new Pool(Runtime.getRuntime().availableProcessors());

    /** Whether this thread is running a task of {@link #run} (an array so the hot check does not box). */
    private static final ThreadLocal<boolean[]> IN_TASK = ThreadLocal.withInitial(() -> new boolean[1]);

    private Parallel() {}

    /** Threads a kernel may use, the caller included (default: available processors). */
    public static int threads() {
        return IN_TASK.get()[0] ? 1 : pool.threads;
    }

    /** Sets the thread count (≥ 1) for kernels called from now on; 1 means the caller works alone. */
    public static synchronized void setThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("Parallel.setThreads: need at least 1 thread, got " + threads);
        }
        if (threads != pool.threads) {
            Pool old = pool;
            pool = new Pool(threads);
            old.shutdown();
        }
    }

    /** Runs {@code task.run(i)} for every i in [0, count) and returns when all have finished. */
    public static void run(int count, Task task) {
        Pool p = pool;
        if (count <= 1 || p.threads == 1 || IN_TASK.get()[0]) {
            for (int i = 0; i < count; i++) {
                task.run(i);
            }
            return;
        }
        Job job = new Job(count, task);
        p.submit(job, Math.min(count - 1, p.threads - 1));
        job.help();
        job.await();
    }

    /** One call of {@link #run}: tasks are claimed by the caller and any worker that joins. */
    private static final class Job {
        private final int count;
        private final Task task;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger done = new AtomicInteger();
        private final Thread caller = Thread.currentThread();
        private volatile Throwable failure;

        Job(int count, Task task) {
            this.count = count;
            this.task = task;
        }

        void help() {
            boolean[] inTask = IN_TASK.get();
            int i;
            while ((i = next.getAndIncrement()) < count) {
                inTask[0] = true;
                try {
                    task.run(i);
                } catch (Throwable t) {
                    failure = t;
                } finally {
                    inTask[0] = false;
                }
                if (done.incrementAndGet() == count && Thread.currentThread() != caller) {
                    LockSupport.unpark(caller);
                }
            }
        }

        void await() {
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            while (done.get() < count) {
                if (System.nanoTime() < spinUntil) {
                    Thread.yield();
                } else {
                    LockSupport.parkNanos(this, 100_000);
                }
            }
            Throwable t = failure;
            if (t instanceof RuntimeException e) {
                throw e;
            } else if (t instanceof Error e) {
                throw e;
            } else if (t != null) {
                throw new IllegalStateException("kernel task failed", t);
            }
        }
    }

    /** threads - 1 daemon workers taking invitations to jobs from one queue. */
    private static final class Pool {
        private static final Job STOP = new Job(0, i -> { });
        private static final AtomicInteger POOLS = new AtomicInteger();

        final int threads;
        private final LinkedBlockingQueue<Job> queue = new LinkedBlockingQueue<>();
        private final Thread[] workers;

        Pool(int threads) {
            this.threads = threads;
            this.workers = new Thread[threads - 1];
            int id = POOLS.incrementAndGet();
            for (int w = 0; w < workers.length; w++) {
                Thread t = new Thread(this::work, "seq2seq4j-kernels-" + id + "-" + (w + 1));
                t.setDaemon(true);
                workers[w] = t;
                t.start();
            }
        }

        void submit(Job job, int helpers) {
            for (int h = 0; h < helpers; h++) {
                queue.offer(job);
            }
        }

        void shutdown() {
            for (int w = 0; w < workers.length; w++) {
                queue.offer(STOP);
            }
        }

        private void work() {
            try {
                while (true) {
                    Job job = next();
                    if (job == STOP) {
                        return;
                    }
                    job.help();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private Job next() throws InterruptedException {
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            while (System.nanoTime() < spinUntil) {
                Job job = queue.poll();
                if (job != null) {
                    return job;
                }
                Thread.yield();
            }
            return queue.take();
        }
    }
}
