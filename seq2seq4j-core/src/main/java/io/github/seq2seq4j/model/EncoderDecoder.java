package io.github.seq2seq4j.model;

import io.github.seq2seq4j.autograd.Graph;
import io.github.seq2seq4j.nn.CellState;
import io.github.seq2seq4j.nn.CellType;
import io.github.seq2seq4j.nn.EmbeddingTable;
import io.github.seq2seq4j.nn.Linear;
import io.github.seq2seq4j.nn.Module;
import io.github.seq2seq4j.nn.RecurrentLayer;
import io.github.seq2seq4j.ops.Activations;
import io.github.seq2seq4j.ops.Dropout;
import io.github.seq2seq4j.ops.Losses;
import io.github.seq2seq4j.ops.ShapeOps;
import io.github.seq2seq4j.tensor.Rng;
import io.github.seq2seq4j.tensor.Tensor;

/**
 * The recurrent encoder–decoder of the reference ({@code Seq2Seq} in seq2seq_ref.py), with the
 * same parameter names in the same order: {@code src_embed}, {@code tgt_embed}, {@code encoder},
 * {@code bridge}, {@code bridge_c}, {@code decoder}, {@code attention}, {@code output}.
 *
 * <p>Token ids are batch-major flat arrays: {@code src[b·S + s]}, {@code tgtIn[b·T + t]}.
 */
public final class EncoderDecoder extends Module {
    /** The id of padding; the special ids are shared with the vocabularies. */
    public static final int PAD = 0;
    /** The id of unknown tokens. */
    public static final int UNK = 1;
    /** The id of the start of sentence, the decoder's first input. */
    public static final int BOS = 2;
    /** The id of the end of sentence. */
    public static final int EOS = 3;

    private final ModelConfig cfg;
    private final EmbeddingTable srcEmbed;
    private final EmbeddingTable tgtEmbed;
    private final RecurrentLayer encoder;
    private final Linear bridge;
    private final Linear bridgeC;
    private final RecurrentLayer decoder;
    private final Attention attention;
    private final Linear output;
    private Rng dropoutRng = new Rng(0);

    /** A network of architecture {@code cfg} for the given vocabulary sizes; its weights start at zero until initialised or loaded. */
    public EncoderDecoder(ModelConfig cfg, int srcVocab, int tgtVocab) {
        this.cfg = cfg;
        int e = cfg.embeddingSize(), h = cfg.hiddenSize();
        srcEmbed = child("src_embed", new EmbeddingTable(srcVocab, e, PAD));
        tgtEmbed = child("tgt_embed", new EmbeddingTable(tgtVocab, e, PAD));
        encoder = child("encoder", new RecurrentLayer(cfg.cell(), e, h, cfg.layers(), cfg.bidirectional(), cfg.dropout()));
        bridge = cfg.bidirectional() ? child("bridge", new Linear(2 * h, h, true)) : null;
        bridgeC = cfg.bidirectional() && cfg.cell() == CellType.LSTM ? child("bridge_c", new Linear(2 * h, h, true)) : null;
        decoder = child("decoder", new RecurrentLayer(cfg.cell(), cfg.decoderInputSize(), h, cfg.layers(), false, cfg.dropout()));
        attention = cfg.attention() == AttentionType.NONE ? null : child("attention", new Attention(cfg));
        output = child("output", cfg.tieOutput() ? new Linear(tgtEmbed.weight(), true) : new Linear(h, tgtVocab, true));
    }

    /** Initialises every parameter as PyTorch's default constructors do (distributions, not values). */
    public void initDefault(Rng rng) {
        srcEmbed.initDefault(rng);
        tgtEmbed.initDefault(rng);
        encoder.initDefault(rng);
        if (bridge != null) {
            bridge.initDefault(rng);
        }
        if (bridgeC != null) {
            bridgeC.initDefault(rng);
        }
        decoder.initDefault(rng);
        if (attention != null) {
            for (Tensor p : attention.parameters()) {
                float bound = (float) (1.0 / Math.sqrt(p.dim(1)));
                rng.uniform(p, -bound, bound);
            }
        }
        if (cfg.tieOutput()) {
            float bound = (float) (1.0 / Math.sqrt(cfg.hiddenSize()));
            rng.uniform(output.bias(), -bound, bound);
        } else {
            output.initDefault(rng);
        }
    }

    /** The generator for dropout masks (part of a training run's reproducible state). */
    public void setDropoutRng(Rng rng) {
        this.dropoutRng = rng;
    }

    /** The random generator dropout draws from (its state is saved with checkpoints). */
    public Rng dropoutRng() {
        return dropoutRng;
    }

    // ---- encoder ----

    /** src [B·S] padded with PAD, lengths [B] → encoder outputs, keys and the decoder's initial state. */
    public Encoded encode(Graph g, int[] src, int[] srcLengths, int srcTime) {
        int batch = srcLengths.length;
        float[][] tables = inputTables(g);
        RecurrentLayer.Output out;
        if (tables != null && validIds(src, srcEmbed.vocab())) { // a frozen model: first projections looked up per token
            out = encoder.forwardFromTables(g, src, batch, srcTime, tables, srcLengths, null, dropoutRng);
        } else {
            Tensor x = Dropout.apply(g, srcEmbed.forward(g, src, batch, srcTime), cfg.dropout(), dropoutRng); // [B,S,E]
            out = encoder.forward(g, x, srcLengths, null, dropoutRng);
        }
        Tensor encOut = out.output(); // [B,S,D]
        Tensor keys = attention == null ? null : attention.projectKeys(g, encOut); // [B,S,A]
        return new Encoded(encOut, keys, srcLengths.clone(), bridge(g, out.finalStates()));
    }

    /**
     * Per encoder direction, b_ih + E[v]·W_ihᵀ of the first layer for every source token v, when
     * the graph's packs come from a {@code FrozenPacks} (the weights never change) and no dropout
     * can apply to the embeddings; else null.
     */
    private float[][] inputTables(Graph g) {
        if (!inferenceOnly(g)) {
            return null;
        }
        float[][] tables = new float[encoder.directions()][];
        for (int d = 0; d < tables.length; d++) {
            tables[d] = g.packs().inputTable(srcEmbed.weight(), encoder.firstInputWeight(d), encoder.firstInputBias(d));
            if (tables[d] == null) {
                return null;
            }
        }
        return tables;
    }

    /** No gradient and no dropout: the embeddings are the table's rows as they are. */
    private boolean inferenceOnly(Graph g) {
        return !g.recording() && !(g.isTraining() && cfg.dropout() > 0);
    }

    /** True if every id indexes an embedding of {@code vocab} rows (otherwise the embedding's own check reports it). */
    private static boolean validIds(int[] ids, int vocab) {
        for (int id : ids) {
            if (id < 0 || id >= vocab) {
                return false;
            }
        }
        return true;
    }

    /** Bidirectional finals [L·2] → decoder states [L]: tanh(bridge([h_fwd; h_bwd])), likewise c. */
    private CellState[] bridge(Graph g, CellState[] finals) {
        if (!cfg.bidirectional()) {
            return finals;
        }
        CellState[] out = new CellState[cfg.layers()];
        for (int l = 0; l < cfg.layers(); l++) {
            CellState f = finals[2 * l], b = finals[2 * l + 1];
            Tensor h = Activations.tanh(g, bridge.forward(g, ShapeOps.concat(g, 1, f.h(), b.h()))); // [B,H]
            Tensor c = bridgeC == null ? null
                    : Activations.tanh(g, bridgeC.forward(g, ShapeOps.concat(g, 1, f.c(), b.c())));
            out[l] = new CellState(h, c);
        }
        return out;
    }

    // ---- decoder ----

    /** The state before the first step: the bridged encoder state and a zero input feed. */
    public DecoderState start(Encoded enc) {
        return new DecoderState(enc.initialState(), Tensor.zeros(enc.batch(), cfg.hiddenSize()));
    }

    /** One decoder step from the previous tokens yPrev [B]. */
    public DecoderStep step(Graph g, int[] yPrev, DecoderState state, Encoded enc) {
        int batch = yPrev.length;
        float[] table = inferenceOnly(g) && validIds(yPrev, tgtEmbed.vocab()) // a frozen model: E[y]·W_ihᵀ looked up
                ? g.packs().inputTable(tgtEmbed.weight(), decoder.firstInputWeight(0), decoder.firstInputBias(0)) : null;
        Tensor e = table != null ? null : Dropout.apply(g, tgtEmbed.forward(g, yPrev, batch), cfg.dropout(), dropoutRng); // [B,E]
        AttentionType kind = cfg.attention();
        Tensor weights = null;
        Tensor rest; // what follows the embedding in the decoder's input
        if (kind == AttentionType.NONE) {
            rest = null;
        } else if (kind == AttentionType.BAHDANAU) { // attend from the previous state
            Attention.Result a = attention.forward(g, state.top(), enc.keys(), enc.encOut(), enc.srcLengths());
            weights = a.weights();
            rest = a.context(); // [B,D]
        } else {
            rest = state.feed(); // [B,H] input feeding
        }
        CellState[] layers = table != null
                ? decoder.stepFromTable(g, table, yPrev, rest, state.layers(), dropoutRng)
                : decoder.step(g, rest == null ? e : ShapeOps.concat(g, 1, e, rest), state.layers(), dropoutRng); // [B,E(+D|H)]
        Tensor o = layers[layers.length - 1].h(); // [B,H]
        Tensor feed = state.feed();
        if (kind.isLuong()) { // attend from the current state, then combine
            Attention.Result a = attention.forward(g, o, enc.keys(), enc.encOut(), enc.srcLengths());
            weights = a.weights();
            o = attention.combine(g, ShapeOps.concat(g, 1, a.context(), o)); // [B,H]
            feed = o;
        }
        return new DecoderStep(o, new DecoderState(layers, feed), weights);
    }

    /** Output layer: logits [..., V] = output(dropout(o)). */
    public Tensor logits(Graph g, Tensor o) {
        return output.forward(g, Dropout.apply(g, o, cfg.dropout(), dropoutRng));
    }

    // ---- training ----

    /**
     * Teacher forcing: logits [B,T,V] for targets whose inputs tgtIn [B·T] start with BOS. With
     * a teacher-forcing ratio below 1 (scheduled sampling, Bengio et al. 2015), each row's input
     * at step t ≥ 1 is, with probability 1 − ratio, the model's own argmax at step t − 1 instead.
     */
    public Tensor forward(Graph g, Encoded enc, int[] tgtIn, int tgtTime, float teacherForcing, Rng sampling) {
        int batch = enc.batch();
        DecoderState state = start(enc);
        Tensor[] outs = new Tensor[tgtTime];
        boolean scheduled = teacherForcing < 1f;
        Tensor[] stepLogits = scheduled ? new Tensor[tgtTime] : null;
        int[] y = new int[batch];
        for (int t = 0; t < tgtTime; t++) {
            for (int b = 0; b < batch; b++) {
                y[b] = tgtIn[b * tgtTime + t];
                if (scheduled && t > 0 && y[b] != PAD && sampling.nextFloat() >= teacherForcing) {
                    y[b] = argmax(stepLogits[t - 1], b);
                }
            }
            DecoderStep s = step(g, y, state, enc);
            state = s.state();
            outs[t] = s.output();
            if (scheduled) {
                stepLogits[t] = logits(g, s.output()); // [B,V]
            }
        }
        return scheduled ? ShapeOps.stack(g, 1, stepLogits) : logits(g, ShapeOps.stack(g, 1, outs)); // [B,T,V]
    }

    /**
     * The teacher-forced training loss: the value of {@code loss(g, forward(g, enc, tgtIn, tgtTime,
     * 1, null), tgtOut, labelSmoothing)} up to the rounding of the mean, with the same gradients,
     * computed without any decoder work on padded target positions (see PackedTeacherForcing).
     * tgtIn and tgtOut are [B·T] as for {@link #forward}.
     */
    public Tensor teacherForcedLoss(Graph g, Encoded enc, int[] tgtIn, int[] tgtOut, int tgtTime, float labelSmoothing) {
        for (int id : tgtOut) {
            if (id != PAD) {
                return PackedTeacherForcing.loss(this, g, enc, tgtIn, tgtOut, tgtTime, labelSmoothing);
            }
        }
        return loss(g, forward(g, enc, tgtIn, tgtTime, 1f, null), tgtOut, labelSmoothing); // nothing to predict: NaN
    }

    /** The reference's {@code loss_fn}: mean token cross-entropy over non-PAD targets tgtOut [B·T]. */
    public Tensor loss(Graph g, Tensor logits, int[] tgtOut, float labelSmoothing) {
        return Losses.crossEntropy(g, logits, tgtOut, PAD, labelSmoothing);
    }

    private static int argmax(Tensor rowsByVocab, int row) {
        int vocab = rowsByVocab.dim(1);
        float[] d = rowsByVocab.data();
        int o = rowsByVocab.offset() + row * vocab;
        int best = 0;
        for (int v = 1; v < vocab; v++) {
            if (d[o + v] > d[o + best]) {
                best = v;
            }
        }
        return best;
    }

    /** The architecture. */
    public ModelConfig config() {
        return cfg;
    }

    /** Rows of the source embedding. */
    public int srcVocabSize() {
        return srcEmbed.vocab();
    }

    /** Rows of the target embedding and outputs of the output layer. */
    public int tgtVocabSize() {
        return tgtEmbed.vocab();
    }
}
