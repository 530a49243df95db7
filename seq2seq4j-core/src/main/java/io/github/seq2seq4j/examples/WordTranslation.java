package io.github.seq2seq4j.examples;

import io.github.seq2seq4j.Seq2SeqModel;
import io.github.seq2seq4j.data.Batcher;
import io.github.seq2seq4j.data.BatchingOptions;
import io.github.seq2seq4j.data.CharTokenizer;
import io.github.seq2seq4j.data.Example;
import io.github.seq2seq4j.data.ExampleSource;
import io.github.seq2seq4j.data.TokenCounts;
import io.github.seq2seq4j.data.Tokenizer;
import io.github.seq2seq4j.data.Vocabulary;
import io.github.seq2seq4j.model.AttentionType;
import io.github.seq2seq4j.model.EncoderDecoder;
import io.github.seq2seq4j.model.ModelConfig;
import io.github.seq2seq4j.nn.CellType;
import io.github.seq2seq4j.tensor.Rng;
import io.github.seq2seq4j.train.StepReport;
import io.github.seq2seq4j.train.TrainOptions;
import io.github.seq2seq4j.train.Trainer;
import io.github.seq2seq4j.train.TrainingListener;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The classic character-level translation demo, and the training API end to end: English words
 * to Spanish (hello → hola, cat → gato, good → bueno) with a bidirectional GRU encoder and
 * Bahdanau attention, trained by {@link Trainer} with a listener that reports progress.
 * Also shows the token-id toy mapping "1 3 2 0" → "2 1 3 0" with whitespace tokens.
 */
public final class WordTranslation {
    public static final List<String[]> WORDS = List.of(
            new String[] {"hello", "hola"}, new String[] {"cat", "gato"}, new String[] {"good", "bueno"});
    public static final List<String[]> TOY_MAPPING = List.<String[]>of(new String[] {"1 3 2 0", "2 1 3 0"});

    /** Loss per epoch and the final translations of the sources. */
    public record Result(List<Double> epochLosses, List<String> translations, Seq2SeqModel model) {
        /** True if every source translates to its target. */
        public boolean exact(List<String[]> pairs) {
            for (int i = 0; i < pairs.size(); i++) {
                if (!translations.get(i).equals(pairs.get(i)[1])) {
                    return false;
                }
            }
            return true;
        }
    }

    private WordTranslation() {}

    /** Builds vocabularies from the pairs, trains a small attention model, translates the sources. */
    public static Result train(List<String[]> pairs, Tokenizer tokenizer, int epochs, long seed) {
        TokenCounts src = new TokenCounts();
        TokenCounts tgt = new TokenCounts();
        for (String[] p : pairs) {
            src.add(tokenizer.tokenize(p[0]));
            tgt.add(tokenizer.tokenize(p[1]));
        }
        Vocabulary sv = Vocabulary.build(src, 1, 1000);
        Vocabulary tv = Vocabulary.build(tgt, 1, 1000);
        List<Example> examples = new ArrayList<>();
        for (String[] p : pairs) {
            examples.add(new Example(examples.size(), sv.encode(tokenizer.tokenize(p[0])), tv.encode(tokenizer.tokenize(p[1]))));
        }
        ModelConfig cfg = new ModelConfig(CellType.GRU, 16, 32, 1, true, AttentionType.BAHDANAU, 0, 0f, false, tokenizer.name());
        EncoderDecoder net = new EncoderDecoder(cfg, sv.size(), tv.size());
        net.initDefault(new Rng(seed));
        List<Double> losses = new ArrayList<>();
        Trainer trainer = new Trainer(net, new TrainOptions().epochs(epochs).learningRate(0.01f).seed(seed));
        trainer.addListener(new TrainingListener() {
            @Override
            public void onStep(StepReport r) {
                losses.add(r.loss()); // one batch per epoch here: the step loss is the epoch loss
            }
        });
        trainer.train(new Batcher(ExampleSource.of(examples), BatchingOptions.sentences(8).withSeed(seed)), null);
        Seq2SeqModel model = Seq2SeqModel.of(net, sv, tv, null);
        List<String> sources = pairs.stream().map(p -> p[0]).toList();
        return new Result(losses, model.translate(sources), model);
    }

    /** Trains both demos and prints the loss curve and the translations. */
    public static void print(PrintWriter out) {
        Result words = train(WORDS, new CharTokenizer(), 150, 5);
        report(out, "English -> Spanish, character level", WORDS, words);
        Result toy = train(TOY_MAPPING, new io.github.seq2seq4j.data.WhitespaceTokenizer(), 60, 3);
        report(out, "token-id mapping, whitespace tokens", TOY_MAPPING, toy);
    }

    private static void report(PrintWriter out, String title, List<String[]> pairs, Result r) {
        out.println(title);
        for (int e = 0; e < r.epochLosses().size(); e += Math.max(1, r.epochLosses().size() / 6)) {
            out.printf(Locale.ROOT, "  epoch %3d  loss %.4f%n", e + 1, r.epochLosses().get(e));
        }
        out.printf(Locale.ROOT, "  epoch %3d  loss %.4f%n", r.epochLosses().size(), r.epochLosses().get(r.epochLosses().size() - 1));
        for (int i = 0; i < pairs.size(); i++) {
            out.printf(Locale.ROOT, "  %-10s -> %-10s %s%n", pairs.get(i)[0], r.translations().get(i),
                    r.translations().get(i).equals(pairs.get(i)[1]) ? "ok" : "(expected " + pairs.get(i)[1] + ")");
        }
        out.println(r.exact(pairs) ? "  learned exactly" : "  NOT learned exactly");
        out.flush();
    }

    public static void main(String[] args) {
        print(new PrintWriter(System.out, true));
    }
}
