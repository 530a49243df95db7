/**
 * Layers with PyTorch's equations, gate order and parameter names, so weights are exchangeable:
 * {@code Linear}, embeddings with a padding row, Elman RNN cells (Elman 1990), GRU (Cho et al.
 * 2014) and LSTM (Hochreiter and Schmidhuber 1997) as fused one-node-per-step ops, and stacked,
 * bidirectional recurrent layers (Schuster and Paliwal 1997) over variable-length batches with
 * {@code pack_padded_sequence} semantics.
 */
package io.github.seq2seq4j.nn;
