package io.github.seq2seq4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.seq2seq4j.Seq2SeqModel;
import io.github.seq2seq4j.data.CharTokenizer;
import io.github.seq2seq4j.data.WhitespaceTokenizer;
import io.github.seq2seq4j.model.AttentionType;
import io.github.seq2seq4j.model.EncoderDecoder;
import io.github.seq2seq4j.model.ModelConfig;
import io.github.seq2seq4j.nn.CellType;
import io.github.seq2seq4j.tensor.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seeds' classic tasks, learned exactly with fixed seeds. */
class ToyTasksTest {
    static Seq2SeqModel train(ToyData data, ModelConfig cfg, TrainOptions o) {
        EncoderDecoder net = new EncoderDecoder(cfg, data.src.size(), data.tgt.size());
        net.initDefault(new Rng(o.seed()));
        Trainer trainer = new Trainer(net, o);
        Trainer.Result r = trainer.train(data.batcher(8, o.seed()), data.dev(data.examples));
        assertTrue(r.steps() > 0);
        return Seq2SeqModel.of(net, data.src, data.tgt, null);
    }

    @Test
    void toyMappingOfTokenIds() {
        ToyData data = new ToyData(List.<String[]>of(new String[] {"1 3 2 0", "2 1 3 0"}), new WhitespaceTokenizer());
        ModelConfig cfg = new ModelConfig(CellType.GRU, 8, 16, 1, false, AttentionType.NONE, 0, 0f, false, "whitespace");
        Seq2SeqModel m = train(data, cfg, new TrainOptions().epochs(60).learningRate(0.02f).seed(3));
        assertEquals("2 1 3 0", m.translate("1 3 2 0"));
    }

    @Test
    void englishToSpanishWordsCharacterLevel() {
        List<String[]> pairs = List.of(new String[] {"hello", "hola"}, new String[] {"cat", "gato"}, new String[] {"good", "bueno"});
        ToyData data = new ToyData(pairs, new CharTokenizer());
        ModelConfig cfg = new ModelConfig(CellType.GRU, 16, 32, 1, true, AttentionType.BAHDANAU, 0, 0f, false, "char");
        Seq2SeqModel m = train(data, cfg, new TrainOptions().epochs(150).learningRate(0.01f).seed(5)
                .earlyStopMetric("acc").patience(0));
        assertEquals(List.of("hola", "gato", "bueno"), m.translate(List.of("hello", "cat", "good")));
    }
}
