package io.github.seq2seq4j.train;

import java.util.List;
import java.util.Locale;

/**
 * Everything that controls a training run besides the model and the data. Fluent setters return
 * this; {@link #validate()} checks ranges and choices with messages a user can act on.
 */
public final class TrainOptions {
    private int epochs = 10;
    private long maxSteps = 0;
    private String optimizer = "adam";
    private float lr = 1e-3f;
    private float momentum = 0f;
    private float weightDecay = 0f;
    private float beta1 = 0.9f;
    private float beta2 = 0.999f;
    private float eps = 1e-8f;
    private String schedule = "constant";
    private long decayEvery = 1000;
    private float decayFactor = 0.5f;
    private long warmupSteps = 1000;
    private int plateauPatience = 2;
    private float minLr = 1e-6f;
    private float clipNorm = 1f;
    private float clipValue = 0f;
    private float labelSmoothing = 0f;
    private float teacherForcing = 1f;
    private float teacherForcingEnd = Float.NaN;
    private long teacherForcingDecaySteps = 0;
    private long validateEvery = 0;
    private String earlyStopMetric = "loss";
    private int patience = 0;
    private List<String> devMetrics = List.of();
    private long seed = 1;
    private int maxBadSteps = 10;
    private int decodeBatch = 64;
    private int keepCheckpoints = 0;
    private boolean dataParallel = true;

    /** Passes over the training data (at most). */
    public TrainOptions epochs(int v) { epochs = v; return this; }
    /** Optimizer steps at most; 0 for no limit besides epochs. */
    public TrainOptions maxSteps(long v) { maxSteps = v; return this; }
    /** "adam", "adamw" or "sgd". */
    public TrainOptions optimizer(String v) { optimizer = v.toLowerCase(Locale.ROOT); return this; }
    /** Peak learning rate (default 0.001); schedules scale it. */
    public TrainOptions learningRate(float v) { lr = v; return this; }
    /** SGD momentum in [0, 1) (default 0). */
    public TrainOptions momentum(float v) { momentum = v; return this; }
    /** L2 penalty (adam, sgd) or decoupled weight decay (adamw); default 0. */
    public TrainOptions weightDecay(float v) { weightDecay = v; return this; }
    /** Adam's first- and second-moment decay rates (default 0.9, 0.999). */
    public TrainOptions betas(float b1, float b2) { beta1 = b1; beta2 = b2; return this; }
    /** Adam's epsilon, added to the root of the second moment (default 1e-8). */
    public TrainOptions adamEps(float v) { eps = v; return this; }
    /** "constant", "step", "plateau" or "warmup_inv_sqrt". */
    public TrainOptions schedule(String v) { schedule = v.toLowerCase(Locale.ROOT); return this; }
    /** Schedule "step": multiply the rate by the decay factor every this many steps. */
    public TrainOptions decayEvery(long v) { decayEvery = v; return this; }
    /** Schedules "step" and "plateau": the factor in (0, 1) applied at each decay. */
    public TrainOptions decayFactor(float v) { decayFactor = v; return this; }
    /** Schedule "warmup_inv_sqrt": steps of linear warm-up before the 1/sqrt(step) decay. */
    public TrainOptions warmupSteps(long v) { warmupSteps = v; return this; }
    /** Schedule "plateau": validations without improvement before the rate decays. */
    public TrainOptions plateauPatience(int v) { plateauPatience = v; return this; }
    /** Schedule "plateau": the rate never decays below this. */
    public TrainOptions minLearningRate(float v) { minLr = v; return this; }
    /** Global gradient-norm limit; 0 turns norm clipping off. */
    public TrainOptions clipNorm(float v) { clipNorm = v; return this; }
    /** Per-element gradient limit; 0 turns value clipping off. */
    public TrainOptions clipValue(float v) { clipValue = v; return this; }
    /** Label smoothing of the token cross-entropy, in [0, 1) (default 0). */
    public TrainOptions labelSmoothing(float v) { labelSmoothing = v; return this; }
    /** Probability of feeding the true previous token (1 = teacher forcing throughout). */
    public TrainOptions teacherForcing(float v) { teacherForcing = v; return this; }
    /** With decay steps &gt; 0, the ratio moves linearly from {@link #teacherForcing} to this. */
    public TrainOptions teacherForcingEnd(float v) { teacherForcingEnd = v; return this; }
    /** Steps over which the teacher-forcing ratio moves to {@link #teacherForcingEnd}; 0 keeps it fixed. */
    public TrainOptions teacherForcingDecaySteps(long v) { teacherForcingDecaySteps = v; return this; }
    /** Validate every N steps; 0 validates at the end of each epoch. */
    public TrainOptions validateEvery(long v) { validateEvery = v; return this; }
    /** The dev metric that picks the best checkpoint and drives early stopping and plateau decay. */
    public TrainOptions earlyStopMetric(String v) { earlyStopMetric = v.toLowerCase(Locale.ROOT); return this; }
    /** Stop after this many validations without improvement; 0 never stops early. */
    public TrainOptions patience(int v) { patience = v; return this; }
    /** Extra text metrics computed at validation ("bleu", "chrf", "chrf++", "wer", "per", "cer"). */
    public TrainOptions devMetrics(List<String> v) { devMetrics = List.copyOf(v); return this; }
    /** Seeds dropout and scheduled sampling (weights and batches have their own seeds). */
    public TrainOptions seed(long v) { seed = v; return this; }
    /** Consecutive non-finite steps tolerated (skipped) before training stops. */
    public TrainOptions maxBadSteps(int v) { maxBadSteps = v; return this; }
    /** Sentences per batch when decoding the dev set. */
    public TrainOptions decodeBatch(int v) { decodeBatch = v; return this; }

    /** Passes over the training data (at most). */
    public int epochs() { return epochs; }
    /** Optimizer steps at most; 0 for no limit besides epochs. */
    public long maxSteps() { return maxSteps; }
    /** "adam", "adamw" or "sgd". */
    public String optimizer() { return optimizer; }
    /** The peak learning rate. */
    public float learningRate() { return lr; }
    /** SGD momentum. */
    public float momentum() { return momentum; }
    /** L2 penalty or decoupled weight decay. */
    public float weightDecay() { return weightDecay; }
    /** Adam's first-moment decay. */
    public float beta1() { return beta1; }
    /** Adam's second-moment decay. */
    public float beta2() { return beta2; }
    /** Adam's epsilon. */
    public float adamEps() { return eps; }
    /** "constant", "step", "plateau" or "warmup_inv_sqrt". */
    public String schedule() { return schedule; }
    /** Steps between decays of schedule "step". */
    public long decayEvery() { return decayEvery; }
    /** The factor of each decay. */
    public float decayFactor() { return decayFactor; }
    /** Warm-up steps of schedule "warmup_inv_sqrt". */
    public long warmupSteps() { return warmupSteps; }
    /** Validations without improvement before schedule "plateau" decays. */
    public int plateauPatience() { return plateauPatience; }
    /** The floor of schedule "plateau". */
    public float minLearningRate() { return minLr; }
    /** Global gradient-norm limit; 0 is off. */
    public float clipNorm() { return clipNorm; }
    /** Per-element gradient limit; 0 is off. */
    public float clipValue() { return clipValue; }
    /** Label smoothing of the loss. */
    public float labelSmoothing() { return labelSmoothing; }
    /** The (initial) teacher-forcing ratio. */
    public float teacherForcing() { return teacherForcing; }
    /** The final teacher-forcing ratio (the initial one unless set). */
    public float teacherForcingEnd() { return Float.isNaN(teacherForcingEnd) ? teacherForcing : teacherForcingEnd; }
    /** Steps over which teacher forcing moves to its end value; 0: fixed. */
    public long teacherForcingDecaySteps() { return teacherForcingDecaySteps; }
    /** Steps between validations; 0: at the end of each epoch. */
    public long validateEvery() { return validateEvery; }
    /** The dev metric that picks the best checkpoint. */
    public String earlyStopMetric() { return earlyStopMetric; }
    /** Validations without improvement before stopping; 0: never. */
    public int patience() { return patience; }
    /** Extra text metrics computed at validation. */
    public List<String> devMetrics() { return devMetrics; }
    /** The seed of dropout and scheduled sampling. */
    public long seed() { return seed; }
    /** Consecutive non-finite steps tolerated. */
    public int maxBadSteps() { return maxBadSteps; }
    /** Sentences per batch when decoding the dev set. */
    public int decodeBatch() { return decodeBatch; }
    /** Model snapshots kept at validations (checkpoints/step-N), for checkpoint averaging; 0 keeps none. */
    public TrainOptions keepCheckpoints(int v) { keepCheckpoints = v; return this; }
    /** Model snapshots kept at validations; 0 keeps none. */
    public int keepCheckpoints() { return keepCheckpoints; }
    /**
     * With more than one kernel thread: split each batch between the threads (data-parallel, see
     * DataParallelStep) instead of splitting each matrix product. Results then depend on the
     * thread count, by rounding; without it they do not.
     */
    public TrainOptions dataParallel(boolean v) { dataParallel = v; return this; }
    /** Whether batches are split between threads (see {@link #dataParallel(boolean)}). */
    public boolean dataParallel() { return dataParallel; }

    /** The teacher-forcing ratio at optimizer step {@code step} (1-based). */
    public float teacherForcingAt(long step) {
        if (teacherForcingDecaySteps <= 0) {
            return teacherForcing;
        }
        double f = Math.min(1.0, (double) (step - 1) / teacherForcingDecaySteps);
        return (float) (teacherForcing + f * (teacherForcingEnd() - teacherForcing));
    }

    /** True if a larger value of the metric is better. */
    public static boolean higherIsBetter(String metric) {
        return switch (metric) {
            case "loss", "ppl" -> false;
            default -> io.github.seq2seq4j.eval.Metrics.byName(metric).higherIsBetter();
        };
    }

    /** Checks every value; throws IllegalArgumentException naming the option. */
    public TrainOptions validate() {
        require(epochs >= 1, "epochs must be >= 1: " + epochs);
        require(maxSteps >= 0, "max_steps must be >= 0: " + maxSteps);
        require(List.of("adam", "adamw", "sgd").contains(optimizer), "optimizer must be adam, adamw or sgd: " + optimizer);
        require(lr > 0f, "learning_rate must be > 0: " + lr);
        require(momentum >= 0f && momentum < 1f, "momentum must be in [0, 1): " + momentum);
        require(weightDecay >= 0f, "weight_decay must be >= 0: " + weightDecay);
        require(List.of("constant", "step", "plateau", "warmup_inv_sqrt").contains(schedule),
                "schedule must be constant, step, plateau or warmup_inv_sqrt: " + schedule);
        require(decayFactor > 0f && decayFactor < 1f, "decay_factor must be in (0, 1): " + decayFactor);
        require(decayEvery >= 1 && warmupSteps >= 1, "decay_every and warmup_steps must be >= 1");
        require(clipNorm >= 0f && clipValue >= 0f, "clip_norm and clip_value must be >= 0 (0 = off)");
        require(labelSmoothing >= 0f && labelSmoothing < 1f, "label_smoothing must be in [0, 1): " + labelSmoothing);
        require(teacherForcing >= 0f && teacherForcing <= 1f && teacherForcingEnd() >= 0f && teacherForcingEnd() <= 1f,
                "teacher_forcing values must be in [0, 1]");
        require(keepCheckpoints >= 0, "keep_checkpoints must be >= 0: " + keepCheckpoints);
        require(validateEvery >= 0 && patience >= 0 && maxBadSteps >= 1 && decodeBatch >= 1,
                "validate_every and patience must be >= 0, max_bad_steps and decode_batch >= 1");
        List<String> known = new java.util.ArrayList<>(List.of("loss", "ppl"));
        known.addAll(io.github.seq2seq4j.eval.Metrics.NAMES);
        require(known.contains(earlyStopMetric), "early_stop_metric must be one of " + known + ": " + earlyStopMetric);
        for (String m : devMetrics) {
            require(known.contains(m), "dev metric must be one of " + known + ": " + m);
        }
        return this;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
