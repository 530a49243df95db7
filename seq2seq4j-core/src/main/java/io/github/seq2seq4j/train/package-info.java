/**
 * Training: SGD with momentum, Adam (Kingma and Ba 2015) and AdamW (Loshchilov and Hutter 2019)
 * with PyTorch's update formulas; gradient clipping by norm (Pascanu et al. 2013) and value;
 * learning-rate schedules (step, plateau, warmup with inverse square root as in Vaswani et al.
 * 2017); the {@link io.github.seq2seq4j.train.Trainer} with validation, early stopping,
 * non-finite-step skipping and atomic, exactly resumable checkpoints.
 */
package io.github.seq2seq4j.train;
