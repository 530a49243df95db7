/**
 * The recurrent encoder–decoder (Sutskever et al. 2014; Cho et al. 2014) of the reference
 * specification: embeddings, a (bidirectional) recurrent encoder with a bridge to the decoder,
 * a recurrent decoder fed by attention — additive, from the previous state (Bahdanau et al. 2015),
 * or dot / general / concat from the current state with input feeding (Luong et al. 2015) — and an
 * output layer optionally tied to the target embedding (Press and Wolf 2017). Teacher forcing and
 * scheduled sampling (Bengio et al. 2015) for training.
 */
package io.github.seq2seq4j.model;
