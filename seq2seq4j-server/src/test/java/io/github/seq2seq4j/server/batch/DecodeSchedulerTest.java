package io.github.seq2seq4j.server.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.seq2seq4j.Translation;
import io.github.seq2seq4j.decode.DecodeOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The scheduler with a fake decoder that echoes its sources upper-cased and can be held, so that
 * what ends up in which batch is decided by the test, not by timing.
 */
class DecodeSchedulerTest {
    private static final BatchKey KEY = new BatchKey("m", 2, 1.0, 1, false);

    /** Records batches; the first {@code held} batches wait for {@link #release()}. */
    static final class FakeDecoder implements BatchDecoder {
        final List<List<String>> batches = new ArrayList<>();
        final List<DecodeOptions> options = new ArrayList<>();
        final Semaphore entered = new Semaphore(0);
        final CountDownLatch gate = new CountDownLatch(1);
        final int held;
        int calls;

        FakeDecoder(int held) {
            this.held = held;
        }

        @Override
        public List<List<Translation>> decode(String model, List<String> sources, DecodeOptions opts) {
            int call;
            synchronized (this) {
                call = calls++;
                batches.add(List.copyOf(sources));
                options.add(opts);
            }
            entered.release();
            if (call < held) {
                await(gate);
            }
            for (String s : sources) {
                if (s.equals("boom")) {
                    throw new IllegalStateException("boom");
                }
            }
            List<List<Translation>> out = new ArrayList<>();
            for (String s : sources) {
                out.add(List.of(new Translation(s.toUpperCase(), List.of(), -1, -1, true, List.of(), null)));
            }
            return out;
        }

        void release() {
            gate.countDown();
        }

        void awaitEntered(int n) throws InterruptedException {
            assertTrue(entered.tryAcquire(n, 10, TimeUnit.SECONDS), "decoder not reached");
        }

        synchronized List<List<String>> batches() {
            return new ArrayList<>(batches);
        }
    }

    private static void await(CountDownLatch l) {
        try {
            assertTrue(l.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static BatchPolicy policy(int maxBatch, Duration wait, int threads, int maxQueued) {
        return new BatchPolicy(maxBatch, wait, threads, maxQueued, 100);
    }

    private static String text(CompletableFuture<List<Translation>> f) throws Exception {
        return f.get(10, TimeUnit.SECONDS).get(0).text();
    }

    @Test
    void sentencesQueuedWhileTheThreadIsBusyAreDecodedTogetherInOrder() throws Exception {
        FakeDecoder d = new FakeDecoder(1);
        try (DecodeScheduler s = new DecodeScheduler(policy(8, Duration.ZERO, 1, 100), d, (m, n, t) -> { })) {
            CompletableFuture<List<Translation>> first = s.submit(KEY, List.of("a")).get(0);
            d.awaitEntered(1);
            List<CompletableFuture<List<Translation>>> r1 = s.submit(KEY, List.of("b", "c"));
            List<CompletableFuture<List<Translation>>> r2 = s.submit(KEY, List.of("d"));
            List<CompletableFuture<List<Translation>>> r3 = s.submit(KEY, List.of("e", "f", "g"));
            d.release();
            assertEquals("A", text(first));
            assertEquals("B", text(r1.get(0)));
            assertEquals("C", text(r1.get(1)));
            assertEquals("D", text(r2.get(0)));
            assertEquals("G", text(r3.get(2)));
            assertEquals(List.of(List.of("a"), List.of("b", "c", "d", "e", "f", "g")), d.batches());
            assertEquals(6, d.options.get(1).batchSize());
            assertEquals(100, d.options.get(1).maxSourceTokens());
        }
    }

    @Test
    void batchesNeverExceedTheMaximumSize() throws Exception {
        FakeDecoder d = new FakeDecoder(1);
        try (DecodeScheduler s = new DecodeScheduler(policy(3, Duration.ZERO, 1, 100), d, (m, n, t) -> { })) {
            s.submit(KEY, List.of("x"));
            d.awaitEntered(1);
            List<CompletableFuture<List<Translation>>> all = s.submit(KEY, List.of("1", "2", "3", "4", "5", "6", "7"));
            d.release();
            CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0])).get(10, TimeUnit.SECONDS);
            assertEquals(List.of(List.of("x"), List.of("1", "2", "3"), List.of("4", "5", "6"), List.of("7")), d.batches());
        }
    }

    @Test
    void differentOptionsOrModelsAreNeverMixedInOneBatch() throws Exception {
        FakeDecoder d = new FakeDecoder(1);
        BatchKey otherBeam = new BatchKey("m", 3, 1.0, 1, false);
        BatchKey otherModel = new BatchKey("n", 2, 1.0, 1, false);
        BatchKey withAttention = new BatchKey("m", 2, 1.0, 1, true);
        try (DecodeScheduler s = new DecodeScheduler(policy(8, Duration.ZERO, 1, 100), d, (m, n, t) -> { })) {
            s.submit(KEY, List.of("hold"));
            d.awaitEntered(1);
            List<CompletableFuture<?>> all = new ArrayList<>();
            all.addAll(s.submit(KEY, List.of("k1")));
            all.addAll(s.submit(otherBeam, List.of("b1")));
            all.addAll(s.submit(otherModel, List.of("m1")));
            all.addAll(s.submit(KEY, List.of("k2")));
            all.addAll(s.submit(withAttention, List.of("a1")));
            all.addAll(s.submit(otherBeam, List.of("b2")));
            d.release();
            CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0])).get(10, TimeUnit.SECONDS);
            // Oldest head first: KEY (k1), then otherBeam (b1), otherModel, withAttention.
            assertEquals(List.of(List.of("hold"), List.of("k1", "k2"), List.of("b1", "b2"), List.of("m1"), List.of("a1")),
                    d.batches());
            assertEquals(3, d.options.get(2).beam());
            assertTrue(d.options.get(4).attention());
        }
    }

    @Test
    void whileAnotherBatchDecodesAnIdleThreadWaitsUpToTheMaximumWaitForMoreSentences() throws Exception {
        FakeDecoder d = new FakeDecoder(1);
        try (DecodeScheduler s = new DecodeScheduler(policy(8, Duration.ofSeconds(2), 2, 100), d, (m, n, t) -> { })) {
            CompletableFuture<List<Translation>> held = s.submit(KEY, List.of("held")).get(0);
            d.awaitEntered(1); // one thread decodes; the other is idle
            List<CompletableFuture<List<Translation>>> a = s.submit(KEY, List.of("a"));
            List<CompletableFuture<List<Translation>>> b = s.submit(KEY, List.of("b"));
            assertEquals("A", text(a.get(0)));
            assertEquals("B", text(b.get(0)));
            assertEquals(List.of(List.of("held"), List.of("a", "b")), d.batches());
            d.release();
            assertEquals("HELD", text(held));
        }
    }

    @Test
    void aLoneSentenceOnAnIdleSchedulerIsDecodedWithoutWaiting() throws Exception {
        FakeDecoder d = new FakeDecoder(0);
        try (DecodeScheduler s = new DecodeScheduler(policy(8, Duration.ofSeconds(30), 1, 100), d, (m, n, t) -> { })) {
            long start = System.nanoTime();
            assertEquals("A", text(s.submit(KEY, List.of("a")).get(0)));
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10), "decoded before the 30 s wait");
        }
    }

    @Test
    void aFullBatchDoesNotWaitForTheMaximumWait() throws Exception {
        FakeDecoder d = new FakeDecoder(0);
        try (DecodeScheduler s = new DecodeScheduler(policy(2, Duration.ofSeconds(30), 1, 100), d, (m, n, t) -> { })) {
            long start = System.nanoTime();
            List<CompletableFuture<List<Translation>>> r = s.submit(KEY, List.of("a", "b"));
            assertEquals("B", text(r.get(1)));
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10), "decoded before the 30 s wait");
        }
    }

    @Test
    void cancelledSentencesAreDroppedBeforeDecoding() throws Exception {
        FakeDecoder d = new FakeDecoder(1);
        try (DecodeScheduler s = new DecodeScheduler(policy(8, Duration.ZERO, 1, 100), d, (m, n, t) -> { })) {
            s.submit(KEY, List.of("hold"));
            d.awaitEntered(1);
            List<CompletableFuture<List<Translation>>> gone = s.submit(KEY, List.of("x", "y"));
            CompletableFuture<List<Translation>> kept = s.submit(KEY, List.of("z")).get(0);
            gone.forEach(f -> f.cancel(false));
            d.release();
            assertEquals("Z", text(kept));
            assertEquals(List.of(List.of("hold"), List.of("z")), d.batches());
            assertEquals(0, s.queuedSentences());
        }
    }

    @Test
    void aFailingBatchFailsItsSentencesAndTheThreadGoesOn() throws Exception {
        FakeDecoder d = new FakeDecoder(0);
        try (DecodeScheduler s = new DecodeScheduler(policy(8, Duration.ZERO, 1, 100), d, (m, n, t) -> { })) {
            CompletableFuture<List<Translation>> bad = s.submit(KEY, List.of("boom")).get(0);
            ExecutionException e = assertThrows(ExecutionException.class, () -> bad.get(10, TimeUnit.SECONDS));
            assertInstanceOf(IllegalStateException.class, e.getCause());
            assertEquals("OK", text(s.submit(KEY, List.of("ok")).get(0)));
        }
    }

    @Test
    void aRequestThatWouldOverflowTheQueueIsRefusedWhole() throws Exception {
        FakeDecoder d = new FakeDecoder(1);
        try (DecodeScheduler s = new DecodeScheduler(policy(8, Duration.ZERO, 1, 3), d, (m, n, t) -> { })) {
            s.submit(KEY, List.of("hold"));
            d.awaitEntered(1);
            s.submit(KEY, List.of("a", "b"));
            QueueFullException e = assertThrows(QueueFullException.class, () -> s.submit(KEY, List.of("c", "d")));
            assertTrue(e.getMessage().contains("2 sentences waiting"), e.getMessage());
            assertEquals(2, s.queuedSentences());
            s.submit(KEY, List.of("c")); // exactly fits
            d.release();
        }
    }

    @Test
    void closingFailsQueuedSentencesAndRefusesNewOnes() throws Exception {
        FakeDecoder d = new FakeDecoder(1);
        DecodeScheduler s = new DecodeScheduler(policy(8, Duration.ZERO, 1, 100), d, (m, n, t) -> { });
        CompletableFuture<List<Translation>> decoding = s.submit(KEY, List.of("held")).get(0);
        d.awaitEntered(1);
        CompletableFuture<List<Translation>> queued = s.submit(KEY, List.of("queued")).get(0);
        Thread closer = new Thread(() -> s.close(Duration.ofSeconds(10)));
        closer.start();
        ExecutionException e = assertThrows(ExecutionException.class, () -> queued.get(10, TimeUnit.SECONDS));
        assertInstanceOf(SchedulerClosedException.class, e.getCause());
        assertThrows(SchedulerClosedException.class, () -> s.submit(KEY, List.of("late")));
        d.release();
        assertEquals("HELD", text(decoding)); // the batch being decoded finishes
        closer.join(10_000);
        assertEquals(List.of(List.of("held")), d.batches());
    }

    @Test
    void theListenerHearsEveryBatchWithItsSize() throws Exception {
        List<Integer> sizes = new ArrayList<>();
        FakeDecoder d = new FakeDecoder(1);
        try (DecodeScheduler s = new DecodeScheduler(policy(8, Duration.ZERO, 1, 100), d, (m, n, t) -> {
            synchronized (sizes) {
                sizes.add(n);
            }
        })) {
            s.submit(KEY, List.of("a"));
            d.awaitEntered(1);
            List<CompletableFuture<List<Translation>>> r = s.submit(KEY, List.of("b", "c", "d"));
            d.release();
            CompletableFuture.allOf(r.toArray(new CompletableFuture<?>[0])).get(10, TimeUnit.SECONDS);
        }
        synchronized (sizes) {
            assertEquals(List.of(1, 3), sizes);
        }
    }
}
