package io.github.seq2seq4j.server.batch;

import io.github.seq2seq4j.Translation;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One sentence waiting in a queue, and the future its translations complete. A request that gives
 * up cancels the future; the scheduler then drops the sentence instead of decoding it.
 */
final class PendingSentence {
    final String text;
    final long enqueuedNanos;
    final CompletableFuture<List<Translation>> result = new CompletableFuture<>();

    PendingSentence(String text, long enqueuedNanos) {
        this.text = text;
        this.enqueuedNanos = enqueuedNanos;
    }
}
