package io.github.seq2seq4j.server;

import io.github.seq2seq4j.Translation;
import io.github.seq2seq4j.decode.DecodeOptions;
import io.github.seq2seq4j.server.batch.BatchDecoder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The fixture models' decoder behind a gate: each batch records its sources, announces itself and
 * then waits until the test opens the gate, so tests can hold requests in flight as long as they
 * need. Waits are bounded (60 s) so that a failing test cannot hang the build.
 */
final class GatedDecoder implements BatchDecoder {
    private final ModelRegistry models = Fixtures.registry();
    private final CountDownLatch open = new CountDownLatch(1);
    private final Semaphore entered = new Semaphore(0);
    private final List<List<String>> batches = new ArrayList<>();

    @Override
    public List<List<Translation>> decode(String model, List<String> sources, DecodeOptions options) {
        synchronized (batches) {
            batches.add(List.copyOf(sources));
        }
        entered.release();
        try {
            if (!open.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("gate never opened");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return models.find(model).orElseThrow().model().nbest(sources, options);
    }

    /** Waits until a batch has reached the decoder. */
    void awaitBatch() throws InterruptedException {
        if (!entered.tryAcquire(30, TimeUnit.SECONDS)) {
            throw new AssertionError("no batch reached the decoder");
        }
    }

    void open() {
        open.countDown();
    }

    /** The sources of each batch decoded so far, in order. */
    List<List<String>> batches() {
        synchronized (batches) {
            return new ArrayList<>(batches);
        }
    }
}
