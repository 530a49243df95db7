/**
 * The HTTP translation server behind {@code seq2seq4j serve}: {@link
 * io.github.seq2seq4j.server.TranslationServer} serves one or more model bundles over a JSON API
 * ({@code POST /v1/translate}, {@code GET /v1/models}), with {@code GET /health}, Prometheus
 * metrics at {@code GET /metrics} and a web page at {@code /} that draws attention heatmaps
 * (Bahdanau et al. 2015; Luong et al. 2015).
 *
 * <p>Subpackages: {@code api} (JSON bodies and validation), {@code batch} (cross-request
 * batching), {@code http} (routes, errors, graceful shutdown), {@code metrics} (Prometheus text).
 */
package io.github.seq2seq4j.server;
