package io.github.seq2seq4j.train;

/**
 * One training step.
 *
 * @param step           optimizer steps so far (skipped steps do not count)
 * @param epoch          0-based epoch
 * @param batchInEpoch   0-based index of the batch within its epoch
 * @param loss           mean token loss of the batch (NaN or infinite when skipped)
 * @param targetTokens   non-pad target tokens of the batch
 * @param learningRate   the rate used
 * @param gradNorm       global gradient norm before clipping
 * @param teacherForcing the teacher-forcing ratio used
 * @param skipped        true if the step was skipped because the loss or gradient was not finite
 * @param nanos          wall time of the step
 */
public record StepReport(long step, int epoch, long batchInEpoch, double loss, int targetTokens, double learningRate,
                         double gradNorm, double teacherForcing, boolean skipped, long nanos) {}
