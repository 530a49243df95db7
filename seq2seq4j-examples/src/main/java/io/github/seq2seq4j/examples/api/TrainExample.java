package io.github.seq2seq4j.examples.api;

import io.github.seq2seq4j.Seq2SeqModel;
import io.github.seq2seq4j.data.Batcher;
import io.github.seq2seq4j.data.BatchingOptions;
import io.github.seq2seq4j.data.CharTokenizer;
import io.github.seq2seq4j.data.Example;
import io.github.seq2seq4j.data.ExampleSource;
import io.github.seq2seq4j.data.TokenCounts;
import io.github.seq2seq4j.data.Tokenizer;
import io.github.seq2seq4j.data.Vocabulary;
import io.github.seq2seq4j.io.ModelBundle;
import io.github.seq2seq4j.model.AttentionType;
import io.github.seq2seq4j.model.EncoderDecoder;
import io.github.seq2seq4j.model.ModelConfig;
import io.github.seq2seq4j.nn.CellType;
import io.github.seq2seq4j.tensor.Rng;
import io.github.seq2seq4j.train.Checkpoints;
import io.github.seq2seq4j.train.DevSet;
import io.github.seq2seq4j.train.StepReport;
import io.github.seq2seq4j.train.TrainOptions;
import io.github.seq2seq4j.train.Trainer;
import io.github.seq2seq4j.train.TrainingListener;
import io.github.seq2seq4j.train.ValidationReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Training with the Java API alone, no command line and no files to read: eight English words and
 * their Spanish translations, character by character, learned by a small bidirectional GRU
 * encoder–decoder with Bahdanau attention in a few seconds (120 steps).
 *
 * <p>The steps are the ones the {@code train} command takes: build the vocabularies from the
 * data, turn the pairs into token ids, make the network, then hand a {@link Trainer} the options
 * ({@link TrainOptions}), listeners ({@link TrainingListener}) for progress, validation and
 * checkpoints, where to keep checkpoints ({@link Checkpoints}), the batches ({@link Batcher}) and
 * a dev set ({@link DevSet}). The best checkpoint becomes the model, saved in
 * {@code OUT/model}.
 *
 * <pre>
 * java -cp seq2seq4j-examples/target/seq2seq4j-examples.jar io.github.seq2seq4j.examples.api.TrainExample [OUT]
 * </pre>
 *
 * <p>The model the other examples load, {@code seq2seq4j-examples/model}, is this example's
 * {@code OUT/model}.
 */
public final class TrainExample {
    /** The whole data set: English → Spanish. */
    public static final List<String[]> PAIRS = List.of(
            pair("hello", "hola"), pair("cat", "gato"), pair("dog", "perro"), pair("good", "bueno"),
            pair("house", "casa"), pair("water", "agua"), pair("moon", "luna"), pair("book", "libro"));

    /** Seeds initialisation and shuffling: the same seed gives the same run. */
    public static final long SEED = 7;

    /**
     * What a run left behind.
     *
     * @param model       the trained model (the best checkpoint)
     * @param modelDir    where it was saved
     * @param training    how training ended: steps, reason, best and last validation
     * @param checkpoints every checkpoint write the listener heard of, as {@code "best@120"}
     */
    public record Result(Seq2SeqModel model, Path modelDir, Trainer.Result training, List<String> checkpoints) {}

    private TrainExample() {}

    /**
     * Trains on {@link #PAIRS}, keeping checkpoints in {@code out/checkpoints} and the final model
     * in {@code out/model}; progress goes to {@code log}.
     */
    public static Result run(Path out, PrintWriter log) {
        Tokenizer chars = new CharTokenizer();

        // 1. Vocabularies: every character seen, plus <pad>, <unk>, <s> and </s>.
        TokenCounts sourceCounts = new TokenCounts();
        TokenCounts targetCounts = new TokenCounts();
        for (String[] p : PAIRS) {
            sourceCounts.add(chars.tokenize(p[0]));
            targetCounts.add(chars.tokenize(p[1]));
        }
        Vocabulary sourceVocab = Vocabulary.build(sourceCounts, 1, 1000);
        Vocabulary targetVocab = Vocabulary.build(targetCounts, 1, 1000);

        // 2. The pairs as token ids.
        List<Example> examples = new ArrayList<>();
        for (String[] p : PAIRS) {
            examples.add(new Example(examples.size(), sourceVocab.encode(chars.tokenize(p[0])),
                    targetVocab.encode(chars.tokenize(p[1]))));
        }

        // 3. The network: GRU, embedding 16, hidden 32, one bidirectional layer, Bahdanau attention.
        ModelConfig config = new ModelConfig(CellType.GRU, 16, 32, 1, true, AttentionType.BAHDANAU, 0, 0f, false,
                chars.name());
        EncoderDecoder network = new EncoderDecoder(config, sourceVocab.size(), targetVocab.size());
        network.initDefault(new Rng(SEED));

        // 4. The trainer: Adam at 0.01, validation every 20 steps, the checkpoint with the lowest dev loss kept.
        TrainOptions options = new TrainOptions()
                .epochs(60)
                .learningRate(0.01f)
                .validateEvery(20)
                .earlyStopMetric("loss")
                .seed(SEED);
        Trainer trainer = new Trainer(network, options);
        trainer.checkpoints(new Checkpoints(out.resolve("checkpoints"),
                (dir, net) -> ModelBundle.writeInto(dir, config, sourceVocab, targetVocab, net, null)));
        List<String> checkpoints = new ArrayList<>();
        trainer.addListener(new TrainingListener() {
            @Override
            public void onStep(StepReport r) {
                if (r.step() % 20 == 0) {
                    log.printf(Locale.ROOT, "step %3d  epoch %3d  loss %.4f%n", r.step(), r.epoch() + 1, r.loss());
                }
            }

            @Override
            public void onValidation(ValidationReport r) {
                log.printf(Locale.ROOT, "  validation at step %d: dev loss %.4f, exact %.0f%%%s%n", r.step(),
                        r.metrics().get("loss"), r.metrics().get("acc"), r.improved() ? " (best so far)" : "");
            }

            @Override
            public void onCheckpoint(String name, Path dir) {
                checkpoints.add(name + "@" + trainer.step()); // "last" after every epoch, "best" when it improved
                if (name.equals("best")) {
                    log.println("  saved " + dir);
                }
            }

            @Override
            public void onMessage(String message) {
                log.println(message);
            }
        });

        // 5. Train: batches of four pairs, shuffled each epoch; the training pairs double as the dev set.
        DevSet dev = DevSet.of(examples, ids -> chars.detokenize(sourceVocab.decode(ids)),
                ids -> chars.detokenize(targetVocab.decode(ids)));
        Batcher batches = new Batcher(ExampleSource.of(examples), BatchingOptions.sentences(4).withSeed(SEED));
        Trainer.Result result = trainer.train(batches, dev);
        log.printf(Locale.ROOT, "best dev loss %.4f at step %d of %d%n", result.best().value(), result.best().step(),
                result.steps());

        // 6. The best checkpoint is a model directory: load it, save it as the model.
        Seq2SeqModel model = Seq2SeqModel.load(out.resolve("checkpoints").resolve("best"));
        Path modelDir = out.resolve("model");
        model.save(modelDir);
        for (String[] p : PAIRS) {
            log.printf(Locale.ROOT, "  %-6s -> %s%n", p[0], model.translate(p[0]));
        }
        log.println("model saved in " + modelDir);
        log.flush();
        return new Result(model, modelDir, result, List.copyOf(checkpoints));
    }

    /**
     * Runs the example.
     *
     * @param args the output directory (default {@code runs/train-example})
     */
    public static void main(String[] args) {
        Path out = Path.of(args.length > 0 ? args[0] : "runs/train-example");
        run(out, new PrintWriter(System.out, true));
    }

    private static String[] pair(String source, String target) {
        return new String[] {source, target};
    }
}
