/*
 * Writes a randomly initialised model bundle of a chosen size, for load tests where decoding
 * should cost what a real model's does (the fixture models are tiny). Run with the seq2seq4j jar
 * on the class path:
 *
 *   java -cp seq2seq4j-cli/target/seq2seq4j.jar bench/RandomModel.java OUT_DIR [EMB HIDDEN [SEED]]
 *
 * The bundle is a bidirectional GRU encoder-decoder with Bahdanau attention over characters,
 * with the vocabularies of the fixture model gru-bahdanau-bi. Its outputs are meaningless: an
 * untrained decoder rarely emits </s>, so every sentence runs to the length limit (2n + 10
 * steps), more steps than a trained model takes.
 */

import io.github.seq2seq4j.Seq2SeqModel;
import io.github.seq2seq4j.data.Vocabulary;
import io.github.seq2seq4j.model.AttentionType;
import io.github.seq2seq4j.model.EncoderDecoder;
import io.github.seq2seq4j.model.ModelConfig;
import io.github.seq2seq4j.nn.CellType;
import io.github.seq2seq4j.tensor.Rng;
import java.nio.file.Path;

public final class RandomModel {
    private RandomModel() {}

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: RandomModel OUT_DIR [EMB HIDDEN [SEED]]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        int emb = args.length > 2 ? Integer.parseInt(args[1]) : 64;
        int hidden = args.length > 2 ? Integer.parseInt(args[2]) : 256;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 1;
        Path fixture = Path.of("seq2seq4j-server/src/test/resources/models/gru-bahdanau-bi");
        Vocabulary src = Vocabulary.read(fixture.resolve("src.vocab"));
        Vocabulary tgt = Vocabulary.read(fixture.resolve("tgt.vocab"));
        ModelConfig cfg = new ModelConfig(CellType.GRU, emb, hidden, 1, true, AttentionType.BAHDANAU, 0, 0f, false, "char");
        EncoderDecoder net = new EncoderDecoder(cfg, src.size(), tgt.size());
        net.initDefault(new Rng(seed));
        Seq2SeqModel model = Seq2SeqModel.of(net, src, tgt, null);
        model.save(out);
        System.out.printf("wrote %s: GRU %d/%d, bidirectional, Bahdanau, %,d parameters%n", out, emb, hidden,
                model.parameterCount());
    }
}
