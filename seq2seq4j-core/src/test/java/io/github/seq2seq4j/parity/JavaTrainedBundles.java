package io.github.seq2seq4j.parity;

import io.github.seq2seq4j.Seq2SeqModel;
import io.github.seq2seq4j.data.Batcher;
import io.github.seq2seq4j.data.BatchingOptions;
import io.github.seq2seq4j.data.CharTokenizer;
import io.github.seq2seq4j.data.Example;
import io.github.seq2seq4j.data.ExampleSource;
import io.github.seq2seq4j.data.TokenCounts;
import io.github.seq2seq4j.data.Vocabulary;
import io.github.seq2seq4j.model.AttentionType;
import io.github.seq2seq4j.model.EncoderDecoder;
import io.github.seq2seq4j.model.ModelConfig;
import io.github.seq2seq4j.nn.CellType;
import io.github.seq2seq4j.tensor.Rng;
import io.github.seq2seq4j.train.TrainOptions;
import io.github.seq2seq4j.train.Trainer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains small models in Java and writes their bundles, for the reference to decode
 * (tools/make_java_fixtures.sh runs this, then seq2seq_ref.py greedy/beam on each bundle).
 * Usage: JavaTrainedBundles OUT_DIR
 */
public final class JavaTrainedBundles {
    static final List<ModelConfig> CONFIGS = List.of(
            new ModelConfig(CellType.GRU, 16, 24, 1, true, AttentionType.BAHDANAU, 0, 0.1f, false, "char"),
            new ModelConfig(CellType.LSTM, 16, 16, 2, true, AttentionType.LUONG_GENERAL, 0, 0f, true, "char"),
            new ModelConfig(CellType.RNN_TANH, 12, 20, 1, false, AttentionType.LUONG_CONCAT, 8, 0f, false, "char"));

    private JavaTrainedBundles() {}

    public static void main(String[] args) {
        Path out = Path.of(args[0]);
        Rng rng = new Rng(7);
        List<String[]> pairs = new ArrayList<>();
        for (int i = 0; i < 300; i++) { // reverse short words of a small alphabet, with a space sometimes
            StringBuilder sb = new StringBuilder();
            int len = 2 + rng.nextInt(6);
            for (int j = 0; j < len; j++) {
                sb.append(j > 0 && rng.nextInt(8) == 0 ? ' ' : (char) ('a' + rng.nextInt(8)));
            }
            pairs.add(new String[] {sb.toString(), sb.reverse().toString()});
        }
        CharTokenizer tok = new CharTokenizer();
        TokenCounts counts = new TokenCounts();
        for (String[] p : pairs) {
            counts.add(tok.tokenize(p[0]));
        }
        Vocabulary vocab = Vocabulary.build(counts, 1, 100);
        List<Example> ex = new ArrayList<>();
        for (String[] p : pairs) {
            ex.add(new Example(ex.size(), vocab.encode(tok.tokenize(p[0])), vocab.encode(tok.tokenize(p[1]))));
        }
        for (ModelConfig cfg : CONFIGS) {
            EncoderDecoder net = new EncoderDecoder(cfg, vocab.size(), vocab.size());
            net.initDefault(new Rng(11));
            new Trainer(net, new TrainOptions().epochs(40).learningRate(0.01f).seed(13))
                    .train(new Batcher(ExampleSource.of(ex), BatchingOptions.sentences(32).withSeed(5)), null);
            String name = cfg.cell().configName() + "-" + cfg.attention().configName();
            Seq2SeqModel.of(net, vocab, vocab, null).save(out.resolve(name));
            System.out.println("wrote " + out.resolve(name));
        }
    }
}
