package io.github.seq2seq4j.cli.config;

import static io.github.seq2seq4j.cli.config.Section.DATA;
import static io.github.seq2seq4j.cli.config.Section.MODEL;
import static io.github.seq2seq4j.cli.config.Section.TOP;
import static io.github.seq2seq4j.cli.config.Section.TRAINING;

import io.github.seq2seq4j.eval.Metrics;
import io.github.seq2seq4j.model.ModelConfig;
import io.github.seq2seq4j.train.TrainOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every setting of {@code seq2seq4j train}, in the order of docs/configuration.md. Defaults come
 * from the core ({@link ModelConfig#defaults()}, a fresh {@link TrainOptions}) so the two cannot
 * drift apart. A key is {@code section.name} in YAML and {@code --name-with-dashes} as a flag.
 */
public final class ConfigSchema {
    private static final List<ConfigKey> KEYS = build();
    private static final Map<String, ConfigKey> BY_PATH = index();

    private ConfigSchema() {}

    /** All keys in documentation order. */
    public static List<ConfigKey> keys() {
        return KEYS;
    }

    /** The key at a YAML path such as {@code training.learning_rate}. */
    public static Optional<ConfigKey> byPath(String path) {
        return Optional.ofNullable(BY_PATH.get(path));
    }

    /** The key at a path known to exist (a programming error otherwise). */
    static ConfigKey get(String path) {
        ConfigKey k = BY_PATH.get(path);
        if (k == null) {
            throw new IllegalArgumentException("no configuration key " + path);
        }
        return k;
    }

    /** The keys of one section. */
    public static List<ConfigKey> section(Section s) {
        return KEYS.stream().filter(k -> k.section() == s).toList();
    }

    private static Map<String, ConfigKey> index() {
        Map<String, ConfigKey> m = new LinkedHashMap<>();
        Map<String, String> flags = new LinkedHashMap<>();
        for (ConfigKey k : KEYS) {
            m.put(k.path(), k);
            String clash = flags.put(k.flag(), k.path());
            if (clash != null) {
                throw new IllegalStateException("flag " + k.flag() + " used by " + clash + " and " + k.path());
            }
        }
        return m;
    }

    private static List<ConfigKey> build() {
        ModelConfig m = ModelConfig.defaults();
        TrainOptions t = new TrainOptions();
        List<String> metrics = new ArrayList<>(List.of("loss", "ppl"));
        metrics.addAll(Metrics.NAMES);
        List<ConfigKey> k = new ArrayList<>();

        k.add(key(TOP, "out", ValueType.PATH, null, "The output directory: model bundle, checkpoints, train.log, metrics.csv, run.yaml (required)."));
        k.add(key(TOP, "seed", ValueType.LONG, t.seed(), "Seeds weight initialisation, shuffling, dropout and scheduled sampling."));
        k.add(ranged(TOP, "threads", ValueType.INT, 0, Range.NON_NEGATIVE, "Threads the kernels use, the training thread included; 0 means one per available processor. Training results depend on it only by rounding, and only with training.data_parallel (the default)."));

        k.add(key(DATA, "train", ValueType.PATH, null, "Training pairs, one source<TAB>target per line (or use train_source and train_target)."));
        k.add(key(DATA, "train_source", ValueType.PATH, null, "Training sources, one per line, line-aligned with train_target."));
        k.add(key(DATA, "train_target", ValueType.PATH, null, "Training targets, one per line."));
        k.add(key(DATA, "dev", ValueType.PATH, null, "Development pairs (TSV) for validation, best checkpoint and early stopping; a source on several lines has several references."));
        k.add(key(DATA, "dev_source", ValueType.PATH, null, "Development sources, line-aligned with dev_target (instead of dev)."));
        k.add(key(DATA, "dev_target", ValueType.PATH, null, "Development targets."));
        k.add(choice(DATA, "tokenizer", m.tokenizer(), List.of("char", "whitespace", "bpe"), "How lines become tokens: Unicode characters, white-space separated words, or BPE subwords learned from the training data."));
        k.add(ranged(DATA, "bpe_merges", ValueType.INT, 4000, Range.POSITIVE_INT, "With tokenizer bpe: the number of merges learned on both sides of the training data jointly."));
        k.add(ranged(DATA, "min_freq", ValueType.INT, 1, Range.POSITIVE_INT, "Tokens seen fewer times in the training data become <unk>."));
        k.add(ranged(DATA, "max_vocab", ValueType.INT, 50000, Range.atLeast(5), "At most this many entries per vocabulary (the 4 specials included), most frequent first."));
        k.add(ranged(DATA, "max_source_len", ValueType.INT, 0, Range.NON_NEGATIVE, "Training pairs whose source has more tokens are skipped and counted; 0 keeps all."));
        k.add(ranged(DATA, "max_target_len", ValueType.INT, 0, Range.NON_NEGATIVE, "Training pairs whose target has more tokens are skipped and counted; 0 keeps all."));
        k.add(ranged(DATA, "batch_size", ValueType.INT, 32, Range.POSITIVE_INT, "Sentences per training batch."));
        k.add(ranged(DATA, "batch_tokens", ValueType.INT, 0, Range.NON_NEGATIVE, "If > 0, batches hold at most this many padded tokens (batch · longest side) instead of batch_size sentences."));
        k.add(ranged(DATA, "stream_pool", ValueType.INT, 0, Range.NON_NEGATIVE, "0 holds the training data in memory; N > 0 streams it from disk N pairs at a time (shuffled within each pool)."));
        k.add(key(DATA, "shuffle", ValueType.BOOL, true, "Shuffle the training pairs and the batch order each epoch."));
        k.add(key(DATA, "bucketing", ValueType.BOOL, true, "Group pairs of similar length into batches (less padding)."));

        k.add(choice(MODEL, "cell", m.cell().configName(), List.of("rnn_tanh", "rnn_relu", "gru", "lstm"), "Recurrent cell of encoder and decoder."));
        k.add(ranged(MODEL, "embedding_size", ValueType.INT, m.embeddingSize(), Range.POSITIVE_INT, "Embedding width E of source and target tokens."));
        k.add(ranged(MODEL, "hidden_size", ValueType.INT, m.hiddenSize(), Range.POSITIVE_INT, "Hidden width H of each recurrent layer (per direction)."));
        k.add(ranged(MODEL, "layers", ValueType.INT, m.layers(), Range.POSITIVE_INT, "Stacked recurrent layers, encoder and decoder alike."));
        k.add(key(MODEL, "bidirectional", ValueType.BOOL, m.bidirectional(), "Bidirectional encoder."));
        k.add(choice(MODEL, "attention", m.attention().configName(), List.of("none", "bahdanau", "luong_dot", "luong_general", "luong_concat"), "Attention variant."));
        k.add(ranged(MODEL, "attention_size", ValueType.INT, m.attentionSize(), Range.NON_NEGATIVE, "Width of the additive attention (bahdanau, luong_concat); 0 means hidden_size."));
        k.add(ranged(MODEL, "dropout", ValueType.FLOAT, f(m.dropout()), Range.UNIT_OPEN_TOP, "Dropout on embeddings, between layers and before the output layer."));
        k.add(key(MODEL, "tie_output", ValueType.BOOL, m.tieOutput(), "Share the target embedding with the output projection (needs embedding_size == hidden_size)."));

        k.add(ranged(TRAINING, "epochs", ValueType.INT, t.epochs(), Range.POSITIVE_INT, "Passes over the training data (at most)."));
        k.add(ranged(TRAINING, "max_steps", ValueType.LONG, t.maxSteps(), Range.NON_NEGATIVE, "Stop after this many optimizer steps; 0 for no limit besides epochs."));
        k.add(choice(TRAINING, "optimizer", t.optimizer(), List.of("adam", "adamw", "sgd"), "The optimizer."));
        k.add(ranged(TRAINING, "learning_rate", ValueType.FLOAT, f(t.learningRate()), Range.POSITIVE, "Peak learning rate."));
        k.add(ranged(TRAINING, "momentum", ValueType.FLOAT, f(t.momentum()), Range.UNIT_OPEN_TOP, "SGD momentum."));
        k.add(ranged(TRAINING, "weight_decay", ValueType.FLOAT, f(t.weightDecay()), Range.NON_NEGATIVE, "L2 penalty (adam, sgd) or decoupled weight decay (adamw)."));
        k.add(ranged(TRAINING, "beta1", ValueType.FLOAT, f(t.beta1()), Range.UNIT_OPEN_TOP, "Adam's first-moment decay."));
        k.add(ranged(TRAINING, "beta2", ValueType.FLOAT, f(t.beta2()), Range.UNIT_OPEN_TOP, "Adam's second-moment decay."));
        k.add(ranged(TRAINING, "adam_eps", ValueType.FLOAT, f(t.adamEps()), Range.POSITIVE, "Adam's epsilon."));
        k.add(choice(TRAINING, "schedule", t.schedule(), List.of("constant", "step", "plateau", "warmup_inv_sqrt"), "Learning-rate schedule."));
        k.add(ranged(TRAINING, "decay_every", ValueType.LONG, t.decayEvery(), Range.POSITIVE_INT, "Schedule step: multiply the rate by decay_factor every this many steps."));
        k.add(ranged(TRAINING, "decay_factor", ValueType.FLOAT, f(t.decayFactor()), Range.OPEN_UNIT, "Schedules step and plateau: the factor applied at each decay."));
        k.add(ranged(TRAINING, "warmup_steps", ValueType.LONG, t.warmupSteps(), Range.POSITIVE_INT, "Schedule warmup_inv_sqrt: linear warm-up steps, then decay with 1/sqrt(step)."));
        k.add(ranged(TRAINING, "plateau_patience", ValueType.INT, t.plateauPatience(), Range.NON_NEGATIVE, "Schedule plateau: validations without improvement before the rate decays."));
        k.add(ranged(TRAINING, "min_learning_rate", ValueType.FLOAT, f(t.minLearningRate()), Range.NON_NEGATIVE, "Schedule plateau: the rate never decays below this."));
        k.add(ranged(TRAINING, "clip_norm", ValueType.FLOAT, f(t.clipNorm()), Range.NON_NEGATIVE, "Clip the global gradient norm to this; 0 turns it off."));
        k.add(ranged(TRAINING, "clip_value", ValueType.FLOAT, f(t.clipValue()), Range.NON_NEGATIVE, "Clip each gradient element to [-v, v]; 0 turns it off."));
        k.add(ranged(TRAINING, "label_smoothing", ValueType.FLOAT, f(t.labelSmoothing()), Range.UNIT_OPEN_TOP, "Label smoothing of the token cross-entropy."));
        k.add(ranged(TRAINING, "teacher_forcing", ValueType.FLOAT, f(t.teacherForcing()), Range.UNIT, "Probability of feeding the true previous token (1 = always; below 1 is scheduled sampling)."));
        k.add(ranged(TRAINING, "teacher_forcing_end", ValueType.FLOAT, null, Range.UNIT, "With teacher_forcing_decay_steps > 0, the ratio moves linearly to this value (default: teacher_forcing)."));
        k.add(ranged(TRAINING, "teacher_forcing_decay_steps", ValueType.LONG, t.teacherForcingDecaySteps(), Range.NON_NEGATIVE, "Steps over which teacher forcing moves from teacher_forcing to teacher_forcing_end."));
        k.add(ranged(TRAINING, "validate_every", ValueType.LONG, t.validateEvery(), Range.NON_NEGATIVE, "Validate every N steps; 0 validates at the end of each epoch."));
        k.add(choice(TRAINING, "early_stop_metric", t.earlyStopMetric(), metrics, "The dev metric that picks the best checkpoint (the final model) and drives early stopping and plateau decay."));
        k.add(ranged(TRAINING, "patience", ValueType.INT, t.patience(), Range.NON_NEGATIVE, "Stop after this many validations without improvement; 0 never stops early."));
        k.add(ranged(TRAINING, "keep_checkpoints", ValueType.INT, t.keepCheckpoints(), Range.NON_NEGATIVE, "Also keep the model of each of the last N validations as checkpoints/step-NNNNNNNN, for `average`; 0 keeps none."));
        k.add(new ConfigKey(TRAINING, "dev_metrics", ValueType.LIST, t.devMetrics(), metrics, Range.ANY, "Extra metrics computed at each validation (loss, ppl and acc always are)."));
        k.add(ranged(TRAINING, "max_bad_steps", ValueType.INT, t.maxBadSteps(), Range.POSITIVE_INT, "Consecutive non-finite steps skipped before training stops with an error."));
        k.add(key(TRAINING, "data_parallel", ValueType.BOOL, t.dataParallel(), "With several threads, split each batch between them (one part, graph and gradient per thread, summed in a fixed order) instead of each matrix product: faster, and the results then depend on the thread count by rounding."));
        k.add(ranged(TRAINING, "decode_batch", ValueType.INT, t.decodeBatch(), Range.POSITIVE_INT, "Sentences decoded together at validation."));
        k.add(ranged(TRAINING, "log_every", ValueType.INT, 100, Range.POSITIVE_INT, "Write a training line to train.log every N steps."));
        return List.copyOf(k);
    }

    /** A float default as the double its decimal text means (0.001, not 0.0010000000474974513). */
    private static Double f(float v) {
        return Double.parseDouble(Float.toString(v));
    }

    private static ConfigKey key(Section s, String name, ValueType type, Object dflt, String description) {
        return new ConfigKey(s, name, type, dflt, List.of(), Range.ANY, description);
    }

    private static ConfigKey ranged(Section s, String name, ValueType type, Object dflt, Range range, String description) {
        return new ConfigKey(s, name, type, dflt, List.of(), range, description);
    }

    private static ConfigKey choice(Section s, String name, String dflt, List<String> choices, String description) {
        return new ConfigKey(s, name, ValueType.CHOICE, dflt, choices, Range.ANY, description);
    }
}
