package io.github.seq2seq4j.model;

import io.github.seq2seq4j.tensor.Tensor;

/**
 * The result of one decoder step.
 *
 * @param output  the vector fed to the output layer [B,H] (h, or Luong's h̃)
 * @param state   the state after the step
 * @param weights attention weights [B,S], or null without attention
 */
public record DecoderStep(Tensor output, DecoderState state, Tensor weights) {}
