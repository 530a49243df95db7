package io.github.seq2seq4j.nn;

import io.github.seq2seq4j.autograd.Graph;
import io.github.seq2seq4j.kernels.Gemm;
import io.github.seq2seq4j.kernels.PackedMatrix;
import io.github.seq2seq4j.ops.Dropout;
import io.github.seq2seq4j.ops.MatMul;
import io.github.seq2seq4j.ops.ShapeOps;
import io.github.seq2seq4j.tensor.Rng;
import io.github.seq2seq4j.tensor.Tensor;

/**
 * A stacked, optionally bidirectional recurrent layer with PyTorch's maths and parameter names
 * ({@code weight_ih_l0}, {@code weight_hh_l1_reverse}, ...), batch-first, over variable-length
 * batches as {@code pack_padded_sequence} treats them: outputs are zero past each sequence's
 * length, final states are taken at each sequence's own last step, and the reverse direction
 * starts at each sequence's own last token.
 *
 * <p>Per layer and direction the input projection of the whole sequence is one GEMM before the
 * time loop, and the time loop itself is one {@link RecurrentSweep} node that spends no work on
 * padding; a decoder step is one fused {@link CellStep} node. Dropout is applied to the outputs of
 * every layer but the last, in training only.
 */
public final class RecurrentLayer extends Module {
    private final CellType type;
    private final int inputSize;
    private final int hidden;
    private final int layers;
    private final int dirs;
    private final float dropout;
    private final Tensor[] wIh;
    private final Tensor[] wHh;
    private final Tensor[] bIh;
    private final Tensor[] bHh;

    /** Output [B,T,D·H] and the final state of each layer and direction, index layer·D + direction. */
    public record Output(Tensor output, CellState[] finalStates) {}

    public RecurrentLayer(CellType type, int inputSize, int hidden, int layers, boolean bidirectional, float dropout) {
        if (layers < 1 || hidden < 1 || inputSize < 1) {
            throw new IllegalArgumentException("recurrent layer needs positive sizes: input " + inputSize
                    + ", hidden " + hidden + ", layers " + layers);
        }
        this.type = type;
        this.inputSize = inputSize;
        this.hidden = hidden;
        this.layers = layers;
        this.dirs = bidirectional ? 2 : 1;
        this.dropout = dropout;
        int n = layers * dirs;
        wIh = new Tensor[n];
        wHh = new Tensor[n];
        bIh = new Tensor[n];
        bHh = new Tensor[n];
        int gh = type.gates() * hidden;
        for (int l = 0; l < layers; l++) {
            int in = l == 0 ? inputSize : hidden * dirs;
            for (int d = 0; d < dirs; d++) {
                String sfx = "_l" + l + (d == 1 ? "_reverse" : "");
                int i = l * dirs + d;
                wIh[i] = param("weight_ih" + sfx, gh, in);
                wHh[i] = param("weight_hh" + sfx, gh, hidden);
                bIh[i] = param("bias_ih" + sfx, gh);
                bHh[i] = param("bias_hh" + sfx, gh);
            }
        }
    }

    /**
     * Runs the whole sequence.
     *
     * @param x       [B,T,in], padded
     * @param lengths [B] sequence lengths (each 1..T), or null when every row has length T
     * @param initial initial states (index layer·D + direction), or null for zeros
     * @param rng     dropout masks between layers (unused when not training or dropout is 0)
     */
    public Output forward(Graph g, Tensor x, int[] lengths, CellState[] initial, Rng rng) {
        if (x.rank() != 3 || x.dim(2) != inputSize) {
            throw new IllegalArgumentException(type.configName() + " layer: expected input [B,T," + inputSize + "], got "
                    + java.util.Arrays.toString(x.shape()));
        }
        return run(g, x, null, null, x.dim(0), x.dim(1), lengths, initial, rng);
    }

    /**
     * {@link #forward} of the embeddings E[ids] with the first layer's input projections looked up
     * instead of computed: {@code tables[d]} holds b_ih + E[v]·W_ihᵀ of direction d for every token v
     * ({@code FrozenPacks.inputTable}, which computes them with the product {@link #forward} runs, so
     * the bits are the same). ids [B·T], PAD-padded. For inference: nothing here has a gradient.
     */
    public Output forwardFromTables(Graph g, int[] ids, int rows, int time, float[][] tables, int[] lengths,
                                    CellState[] initial, Rng rng) {
        if (g.recording() || tables.length != dirs || ids.length != rows * time) {
            throw new IllegalArgumentException(type.configName() + " layer: input tables are for inference, one per"
                    + " direction, with [B·T] ids");
        }
        return run(g, null, ids, tables, rows, time, lengths, initial, rng);
    }

    /** The layers over x [B,T,in], or over ids [B·T] whose first projections are in tables (x null). */
    private Output run(Graph g, Tensor x, int[] ids, float[][] tables, int rows, int time, int[] lengths,
                       CellState[] initial, Rng rng) {
        checkLengths(lengths, rows, time);
        // Longest rows first, so the rows still running at each step are a prefix (see RecurrentSweep).
        int[] order = longestFirst(lengths, rows);
        int[] sortedLens = new int[rows];
        boolean identity = true;
        for (int i = 0; i < rows; i++) {
            sortedLens[i] = lengths == null ? time : lengths[order[i]];
            identity &= order[i] == i;
        }
        CellState[] finals = new CellState[layers * dirs];
        Tensor input = x;
        Tensor out = null;
        for (int l = 0; l < layers; l++) {
            if (l > 0) {
                input = Dropout.apply(g, out, dropout, rng);
            }
            boolean lookUp = l == 0 && tables != null;
            Tensor sorted = lookUp ? null : identity ? input : ShapeOps.gatherRows(g, input, order); // [B,T,in]
            boolean grad = !lookUp && g.needsGrad(sorted);
            for (int d = 0; d < dirs && !grad; d++) {
                int i = l * dirs + d;
                grad = g.needsGrad(wIh[i], bIh[i]) || g.needsGrad(wHh[i], bHh[i])
                        || (initial != null && g.needsGrad(initial[i].h(), initial[i].c()));
            }
            out = g.zeros(grad, rows, time, dirs * hidden); // [B,T,D·H], zero past each length
            for (int d = 0; d < dirs; d++) {
                int i = l * dirs + d;
                Tensor xProj = lookUp ? lookUp(g, ids, order, rows, time, tables[d]) // [B,T,GH]
                        : MatMul.linear(g, sorted, wIh[i], bIh[i]);
                finals[i] = RecurrentSweep.run(g, type, xProj, order, sortedLens, d == 1,
                        initial != null ? initial[i] : null, wHh[i], bHh[i], out, d * hidden);
            }
        }
        return new Output(out, finals);
    }

    /** [B,T,GH]: row i, step t is table row ids[order[i]·T + t]. */
    private Tensor lookUp(Graph g, int[] ids, int[] order, int rows, int time, float[] table) {
        int gh = type.gates() * hidden;
        Tensor xProj = g.output(false, rows, time, gh);
        float[] d = xProj.data();
        int o = xProj.offset();
        for (int i = 0; i < rows; i++) {
            int src = order[i] * time;
            for (int t = 0; t < time; t++, o += gh) {
                System.arraycopy(table, ids[src + t] * gh, d, o, gh);
            }
        }
        return xProj;
    }

    /** The first layer's input weight and bias of direction d (what a table of input projections is computed from). */
    public Tensor firstInputWeight(int d) {
        return wIh[d];
    }

    /** The first layer's input bias of direction d. */
    public Tensor firstInputBias(int d) {
        return bIh[d];
    }

    /** Row indices by non-increasing length (stable counting sort); the identity without lengths. */
    private static int[] longestFirst(int[] lengths, int rows) {
        int[] order = new int[rows];
        if (lengths == null) {
            for (int i = 0; i < rows; i++) {
                order[i] = i;
            }
            return order;
        }
        int max = 0;
        for (int len : lengths) {
            max = Math.max(max, len);
        }
        int[] start = new int[max + 2]; // start[max − len]: first position of rows of length len
        for (int len : lengths) {
            start[max - len + 1]++;
        }
        for (int k = 1; k < start.length; k++) {
            start[k] += start[k - 1];
        }
        for (int i = 0; i < rows; i++) {
            order[start[max - lengths[i]]++] = i;
        }
        return order;
    }

    /**
     * One step of a unidirectional stack (the decoder): x [B,in] and the state of each layer →
     * the new state of each layer; the top layer's h is the output.
     */
    public CellState[] step(Graph g, Tensor x, CellState[] state, Rng rng) {
        return step(g, x, null, state, rng);
    }

    /**
     * {@link #step} of the input [E[ids]; rest] with the embedding's share of the first projection
     * looked up: {@code table} holds b_ih + E[v]·W_ih[:, :e]ᵀ for every token v
     * ({@code FrozenPacks.inputTable}), and the product continues over rest [B, in − e] with the
     * rest of W_ih from the graph's frozen packs (rest null when e = in). The same bits as
     * {@code step(concat(E[ids], rest))}. For inference only.
     */
    public CellState[] stepFromTable(Graph g, float[] table, int[] ids, Tensor rest, CellState[] state, Rng rng) {
        int gh = type.gates() * hidden;
        int rows = ids.length;
        if (g.recording() || table.length % gh != 0) {
            throw new IllegalArgumentException("stepFromTable: for inference, with a table of rows of " + gh);
        }
        Tensor xProj = g.output(false, rows, gh); // [B,GH]
        float[] d = xProj.data();
        for (int b = 0; b < rows; b++) {
            System.arraycopy(table, ids[b] * gh, d, xProj.offset() + b * gh, gh);
        }
        if (rest != null) { // continue each element's chain over the columns after the embedding's
            int cols = rest.dim(1);
            PackedMatrix tail = g.packs().transposedTail(wIh[0], inputSize - cols);
            if (tail == null) {
                throw new IllegalStateException("stepFromTable: the graph has no frozen packs");
            }
            Gemm.gemm(false, rows, rest.data(), rest.offset(), cols, tail, d, xProj.offset(), gh, true);
        }
        return step(g, null, xProj, state, rng);
    }

    /** The stack from x [B,in], or from layer 0's projection xProj0 [B,GH] when x is null. */
    private CellState[] step(Graph g, Tensor x, Tensor xProj0, CellState[] state, Rng rng) {
        if (dirs != 1) {
            throw new IllegalStateException("step() needs a unidirectional layer");
        }
        int gh = type.gates() * hidden;
        CellState[] next = new CellState[layers];
        Tensor input = x;
        for (int l = 0; l < layers; l++) {
            if (l > 0) {
                input = Dropout.apply(g, next[l - 1].h(), dropout, rng);
            }
            Tensor xProj = l == 0 && xProj0 != null ? xProj0 : MatMul.linear(g, input, wIh[l], bIh[l]); // [B,GH]
            next[l] = CellStep.apply(g, type, xProj, 0, gh, state[l], wHh[l], bHh[l], null, 0);
        }
        return next;
    }

    private static void checkLengths(int[] lengths, int rows, int time) {
        if (lengths == null) {
            return;
        }
        if (lengths.length != rows) {
            throw new IllegalArgumentException("recurrent layer: " + lengths.length + " lengths for a batch of " + rows);
        }
        for (int len : lengths) {
            if (len < 1 || len > time) {
                throw new IllegalArgumentException("recurrent layer: length " + len + " outside 1.." + time);
            }
        }
    }

    public CellType type() {
        return type;
    }

    public int hidden() {
        return hidden;
    }

    public int layers() {
        return layers;
    }

    public int directions() {
        return dirs;
    }

    public int inputSize() {
        return inputSize;
    }

    /** PyTorch's default: U(−1/√H, 1/√H) for every parameter. */
    public void initDefault(Rng rng) {
        float k = (float) (1.0 / Math.sqrt(hidden));
        for (Tensor t : parameters()) {
            rng.uniform(t, -k, k);
        }
    }
}
