package io.github.seq2seq4j.train;

import io.github.seq2seq4j.autograd.Graph;
import io.github.seq2seq4j.data.Batch;
import io.github.seq2seq4j.model.AttentionType;
import io.github.seq2seq4j.model.Encoded;
import io.github.seq2seq4j.model.EncoderDecoder;
import io.github.seq2seq4j.model.ModelConfig;
import io.github.seq2seq4j.nn.CellType;
import io.github.seq2seq4j.tensor.Arena;
import io.github.seq2seq4j.tensor.Rng;
import io.github.seq2seq4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The bits of one training step's loss and gradients, as one line per model: run in a child JVM by
 * {@link JitIndependenceTest}. Widths are large enough that every vector kernel runs whole vectors
 * (additive attention over 32 values, dot scores over 72, softmax over 40 tokens and up to 20 positions).
 */
public final class StepBitsProbe {
    private static final int VOCAB = 40;
    static final ModelConfig[] CONFIGS = {
        new ModelConfig(CellType.GRU, 16, 24, 1, true, AttentionType.BAHDANAU, 32, 0f, false, "char"),
        new ModelConfig(CellType.LSTM, 16, 72, 1, false, AttentionType.LUONG_DOT, 0, 0f, false, "char"),
    };

    private StepBitsProbe() {}

    public static void main(String[] args) {
        for (String line : bits()) {
            System.out.println(line);
        }
    }

    /** Per configuration: the loss's bits and a hash of every gradient's bits. */
    static List<String> bits() {
        List<String> out = new ArrayList<>();
        for (ModelConfig cfg : CONFIGS) {
            EncoderDecoder m = new EncoderDecoder(cfg, VOCAB, VOCAB);
            m.initDefault(new Rng(3));
            Batch b = batch();
            try (Graph g = Graph.of(true, new Arena())) {
                Encoded enc = m.encode(g, b.src(), b.srcLen(), b.srcWidth());
                Tensor loss = m.teacherForcedLoss(g, enc, b.tgtIn(), b.tgtOut(), b.tgtWidth(), 0.1f);
                g.backward(loss);
                StringBuilder s = new StringBuilder(cfg.cell() + "/" + cfg.attention() + " loss=")
                        .append(Float.floatToIntBits(loss.item()));
                for (Map.Entry<String, Tensor> e : m.namedParameters().entrySet()) {
                    s.append(' ').append(e.getKey()).append('=').append(Arrays.hashCode(e.getValue().grad().toArray()));
                }
                out.add(s.toString());
            }
        }
        return out;
    }

    private static Batch batch() {
        return RandomBatches.of(11, 12, VOCAB, 4, 17, 3, 15);
    }
}
