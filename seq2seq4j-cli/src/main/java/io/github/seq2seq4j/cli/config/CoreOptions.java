package io.github.seq2seq4j.cli.config;

import io.github.seq2seq4j.InputException;
import io.github.seq2seq4j.data.BatchingOptions;
import io.github.seq2seq4j.model.AttentionType;
import io.github.seq2seq4j.model.ModelConfig;
import io.github.seq2seq4j.nn.CellType;
import io.github.seq2seq4j.train.TrainOptions;

/** Turns a {@link RunConfig} into the core's option types; their own checks become one-line errors. */
public final class CoreOptions {
    private CoreOptions() {}

    /** The model architecture (sections model and data.tokenizer). */
    public static ModelConfig model(RunConfig c) {
        try {
            return new ModelConfig(CellType.parse(c.string("model.cell")), c.integer("model.embedding_size"),
                    c.integer("model.hidden_size"), c.integer("model.layers"), c.bool("model.bidirectional"),
                    AttentionType.parse(c.string("model.attention")), c.integer("model.attention_size"),
                    (float) c.number("model.dropout"), c.bool("model.tie_output"), c.string("data.tokenizer"));
        } catch (IllegalArgumentException e) {
            throw new InputException("model: " + e.getMessage());
        }
    }

    /** The training options (section training, plus the top-level seed). */
    public static TrainOptions training(RunConfig c) {
        TrainOptions o = new TrainOptions()
                .epochs(c.integer("training.epochs"))
                .maxSteps(c.longValue("training.max_steps"))
                .optimizer(c.string("training.optimizer"))
                .learningRate((float) c.number("training.learning_rate"))
                .momentum((float) c.number("training.momentum"))
                .weightDecay((float) c.number("training.weight_decay"))
                .betas((float) c.number("training.beta1"), (float) c.number("training.beta2"))
                .adamEps((float) c.number("training.adam_eps"))
                .schedule(c.string("training.schedule"))
                .decayEvery(c.longValue("training.decay_every"))
                .decayFactor((float) c.number("training.decay_factor"))
                .warmupSteps(c.longValue("training.warmup_steps"))
                .plateauPatience(c.integer("training.plateau_patience"))
                .minLearningRate((float) c.number("training.min_learning_rate"))
                .clipNorm((float) c.number("training.clip_norm"))
                .clipValue((float) c.number("training.clip_value"))
                .labelSmoothing((float) c.number("training.label_smoothing"))
                .teacherForcing((float) c.number("training.teacher_forcing"))
                .teacherForcingEnd((float) c.numberOrNaN("training.teacher_forcing_end"))
                .teacherForcingDecaySteps(c.longValue("training.teacher_forcing_decay_steps"))
                .validateEvery(c.longValue("training.validate_every"))
                .earlyStopMetric(c.string("training.early_stop_metric"))
                .patience(c.integer("training.patience"))
                .keepCheckpoints(c.integer("training.keep_checkpoints"))
                .devMetrics(c.list("training.dev_metrics"))
                .maxBadSteps(c.integer("training.max_bad_steps"))
                .decodeBatch(c.integer("training.decode_batch"))
                .dataParallel(c.bool("training.data_parallel"))
                .seed(c.longValue("seed"));
        try {
            return o.validate();
        } catch (IllegalArgumentException e) {
            throw new InputException("training: " + e.getMessage());
        }
    }

    /** How training batches are formed (section data), shuffled with the run's seed. */
    public static BatchingOptions batching(RunConfig c) {
        int tokens = c.integer("data.batch_tokens");
        BatchingOptions b = tokens > 0 ? BatchingOptions.tokens(tokens) : BatchingOptions.sentences(c.integer("data.batch_size"));
        return b.withPoolSize(c.integer("data.stream_pool")).withShuffle(c.bool("data.shuffle"))
                .withBucketing(c.bool("data.bucketing")).withSeed(c.longValue("seed"));
    }
}
