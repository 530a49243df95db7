package io.github.seq2seq4j.train;

import java.nio.file.Path;

/** Receives progress from a {@link Trainer}; every method is optional. Called on the training thread. */
public interface TrainingListener {
    /** Before the first step of an epoch; {@code batches} is its number of batches. */
    default void onEpochStart(int epoch, long batches) {}

    /** After every optimizer step (and after skipped non-finite steps). */
    default void onStep(StepReport report) {}

    /** After each validation on the dev set, before its checkpoints are written. */
    default void onValidation(ValidationReport report) {}

    /** After a checkpoint ("last" or "best") was written completely. */
    default void onCheckpoint(String name, Path dir) {}

    /** Something worth a log line (skipped steps, early stop, resume). */
    default void onMessage(String message) {}
}
