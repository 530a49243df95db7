package io.github.seq2seq4j.train;

import io.github.seq2seq4j.data.BatchPosition;

/**
 * Everything besides weights and optimizer moments that an exact resume needs.
 *
 * @param step           optimizer steps done
 * @param position       where the batcher stands (the next batch to train on)
 * @param dropoutRng     state of the dropout generator
 * @param samplingRng    state of the scheduled-sampling generator
 * @param schedule       the learning-rate schedule's state
 * @param best           best value of the early-stopping metric so far (NaN if none)
 * @param badValidations validations since the last improvement
 */
public record TrainerState(long step, BatchPosition position, long dropoutRng, long samplingRng, double[] schedule,
                           double best, int badValidations) {}
