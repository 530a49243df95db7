package io.github.seq2seq4j.server.batch;

import io.github.seq2seq4j.Translation;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Groups sentences from concurrent requests into decoding batches: one FIFO queue per
 * {@link BatchKey}, served by {@link BatchPolicy#threads()} decoding threads (see the package
 * description for the rule that picks the next batch).
 *
 * <p>A request's sentences enter their queue together, so they stay contiguous and usually share a
 * batch. Cancelling a sentence's future drops it if it has not been taken yet; a batch already
 * being decoded runs to its end (the core's beam search cannot be interrupted), and its results for
 * cancelled sentences are discarded.
 */
public final class DecodeScheduler implements AutoCloseable {
    private final BatchPolicy policy;
    private final BatchDecoder decoder;
    private final BatchListener listener;
    private final long maxWaitNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<BatchKey, ArrayDeque<PendingSentence>> queues = new LinkedHashMap<>(); // guarded by lock
    private final List<Thread> workers = new ArrayList<>();
    private int queued; // guarded by lock; sentences in queues, cancelled ones included until dropped
    private int decoding; // guarded by lock; sentences in batches being decoded
    private boolean closed; // guarded by lock

    /** Starts the decoding threads. */
    public DecodeScheduler(BatchPolicy policy, BatchDecoder decoder, BatchListener listener) {
        this.policy = policy;
        this.decoder = decoder;
        this.listener = listener;
        this.maxWaitNanos = policy.maxWait().toNanos();
        for (int i = 0; i < policy.threads(); i++) {
            Thread t = new Thread(this::work, "seq2seq4j-decode-" + (i + 1));
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
    }

    public BatchPolicy policy() {
        return policy;
    }

    /**
     * Queues the sources under one key and returns one future per source, in order, each completing
     * with that source's n-best translations.
     *
     * @throws QueueFullException       if the queue cannot take them all (nothing is queued)
     * @throws SchedulerClosedException after {@link #close()}
     */
    public List<CompletableFuture<List<Translation>>> submit(BatchKey key, List<String> sources) {
        List<CompletableFuture<List<Translation>>> futures = new ArrayList<>(sources.size());
        lock.lock();
        try {
            if (closed) {
                throw new SchedulerClosedException();
            }
            if (queued + sources.size() > policy.maxQueued()) {
                throw new QueueFullException(queued, sources.size(), policy.maxQueued());
            }
            long now = System.nanoTime();
            ArrayDeque<PendingSentence> q = queues.computeIfAbsent(key, k -> new ArrayDeque<>());
            for (String s : sources) {
                PendingSentence p = new PendingSentence(s, now);
                q.addLast(p);
                futures.add(p.result);
            }
            queued += sources.size();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        return futures;
    }

    /** Sentences waiting to be decoded (including cancelled ones not yet dropped). */
    public int queuedSentences() {
        lock.lock();
        try {
            return queued;
        } finally {
            lock.unlock();
        }
    }

    /** Sentences in batches that are being decoded now. */
    public int decodingSentences() {
        lock.lock();
        try {
            return decoding;
        } finally {
            lock.unlock();
        }
    }

    private void work() {
        try {
            for (Batch b = next(); b != null; b = next()) {
                run(b);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // close() gave up waiting: leave
        }
    }

    /** Blocks until a queue is ready and takes a batch from it; null once closed. */
    private Batch next() throws InterruptedException {
        lock.lock();
        try {
            while (!closed) {
                long now = System.nanoTime();
                BatchKey best = null;
                long bestFirst = 0;
                long sleep = Long.MAX_VALUE;
                for (Iterator<Map.Entry<BatchKey, ArrayDeque<PendingSentence>>> it = queues.entrySet().iterator();
                        it.hasNext(); ) {
                    Map.Entry<BatchKey, ArrayDeque<PendingSentence>> e = it.next();
                    ArrayDeque<PendingSentence> q = e.getValue();
                    dropCancelledHead(q);
                    if (q.isEmpty()) {
                        it.remove();
                        continue;
                    }
                    long first = q.peekFirst().enqueuedNanos;
                    long waited = now - first;
                    // Waiting for company only pays while another batch is being decoded: a lone
                    // request on an idle server is decoded at once.
                    if (q.size() >= policy.maxBatchSize() || waited >= maxWaitNanos || decoding == 0) {
                        if (best == null || first - bestFirst < 0) {
                            best = e.getKey();
                            bestFirst = first;
                        }
                    } else {
                        sleep = Math.min(sleep, maxWaitNanos - waited);
                    }
                }
                if (best != null) {
                    return take(best);
                }
                if (sleep == Long.MAX_VALUE) {
                    changed.await();
                } else {
                    changed.awaitNanos(sleep);
                }
            }
            return null;
        } finally {
            lock.unlock();
        }
    }

    private void dropCancelledHead(ArrayDeque<PendingSentence> q) {
        while (!q.isEmpty() && q.peekFirst().result.isDone()) {
            q.pollFirst();
            queued--;
        }
    }

    /** Removes up to a batch of live sentences from the key's queue (lock held). */
    private Batch take(BatchKey key) {
        ArrayDeque<PendingSentence> q = queues.get(key);
        List<PendingSentence> items = new ArrayList<>(Math.min(q.size(), policy.maxBatchSize()));
        while (!q.isEmpty() && items.size() < policy.maxBatchSize()) {
            PendingSentence p = q.pollFirst();
            queued--;
            if (!p.result.isDone()) {
                items.add(p);
            }
        }
        if (q.isEmpty()) {
            queues.remove(key);
        }
        decoding += items.size();
        return new Batch(key, items);
    }

    private void run(Batch b) {
        List<String> sources = new ArrayList<>(b.items.size());
        for (PendingSentence p : b.items) {
            sources.add(p.text);
        }
        long start = System.nanoTime();
        try {
            List<List<Translation>> out = decoder.decode(b.key.model(), sources,
                    b.key.options(sources.size(), policy.maxSourceTokens()));
            if (out.size() != sources.size()) {
                throw new IllegalStateException("decoder returned " + out.size() + " results for " + sources.size()
                        + " sources");
            }
            for (int i = 0; i < out.size(); i++) {
                b.items.get(i).result.complete(out.get(i));
            }
        } catch (RuntimeException | Error e) {
            // The worker survives a failed batch; its requests see the failure.
            for (PendingSentence p : b.items) {
                p.result.completeExceptionally(e);
            }
        } finally {
            lock.lock();
            try {
                decoding -= b.items.size();
            } finally {
                lock.unlock();
            }
        }
        listener.onBatch(b.key.model(), sources.size(), System.nanoTime() - start);
    }

    /**
     * Stops taking sentences, fails those still queued with {@link SchedulerClosedException}, lets
     * batches being decoded finish, and waits up to {@code timeout} for the threads to end.
     */
    public void close(Duration timeout) {
        List<PendingSentence> abandoned = new ArrayList<>();
        lock.lock();
        try {
            closed = true;
            for (ArrayDeque<PendingSentence> q : queues.values()) {
                abandoned.addAll(q);
            }
            queues.clear();
            queued = 0;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        for (PendingSentence p : abandoned) {
            p.result.completeExceptionally(new SchedulerClosedException());
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread t : workers) {
            try {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (t.isAlive()) {
                t.interrupt();
            }
        }
    }

    /** {@link #close(Duration)} with a 10 s wait. */
    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }

    private record Batch(BatchKey key, List<PendingSentence> items) {}
}
