/**
 * Cross-request batching: sentences from concurrent requests that share a model and decoding
 * options wait in one short queue and are decoded together, so that the batched beam search of the
 * core does the work of many requests in one pass.
 *
 * <p>A fixed set of decoding threads serves every queue. A queue is ready when it holds a full
 * batch, when its oldest sentence has waited the maximum wait, or when no batch is being decoded
 * at all; a free thread takes the ready queue whose oldest sentence is oldest. While threads are
 * busy, sentences accumulate, so batches grow with load by themselves; the wait only holds an
 * idle thread back while another one is decoding, so a lone request is never delayed.
 */
package io.github.seq2seq4j.server.batch;
