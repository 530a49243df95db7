package io.github.seq2seq4j.server.batch;

import java.time.Duration;

/**
 * How the scheduler groups sentences.
 *
 * @param maxBatchSize    sentences decoded together at most (1 turns batching off)
 * @param maxWait         how long a sentence may wait for others before an idle thread decodes it
 * @param threads         decoding threads
 * @param maxQueued       sentences waiting at most; a request that would exceed it is refused
 * @param maxSourceTokens longest source, in tokens, the decoder accepts
 */
public record BatchPolicy(int maxBatchSize, Duration maxWait, int threads, int maxQueued, int maxSourceTokens) {
    public BatchPolicy {
        if (maxBatchSize < 1 || threads < 1 || maxQueued < 1 || maxSourceTokens < 1) {
            throw new IllegalArgumentException("batch size, threads, queue size and source tokens must be >= 1");
        }
        if (maxWait == null || maxWait.isNegative()) {
            throw new IllegalArgumentException("the maximum wait must be >= 0");
        }
    }
}
