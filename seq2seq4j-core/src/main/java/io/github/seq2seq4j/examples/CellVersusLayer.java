package io.github.seq2seq4j.examples;

import io.github.seq2seq4j.autograd.Graph;
import io.github.seq2seq4j.nn.CellState;
import io.github.seq2seq4j.nn.CellType;
import io.github.seq2seq4j.nn.RecurrentCell;
import io.github.seq2seq4j.nn.RecurrentLayer;
import io.github.seq2seq4j.ops.ShapeOps;
import io.github.seq2seq4j.tensor.Rng;
import io.github.seq2seq4j.tensor.Tensor;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link RecurrentCell} stepped by hand over a sequence, as one writes a decoder loop, against
 * the one-layer {@link RecurrentLayer} given the same weights, as an encoder runs: the outputs at
 * every step and the final state (h, and c for LSTM) must be the same numbers.
 */
public final class CellVersusLayer {
    static final int INPUT = 2;
    static final int HIDDEN = 3;
    static final int STEPS = 4;

    /**
     * Per step the hidden state from the hand loop and the layer's output ([STEPS][HIDDEN]), the
     * final states of both (c is null unless LSTM), and the largest absolute difference over all.
     */
    public record Comparison(CellType type, float[][] cellOutputs, float[][] layerOutputs,
                             float[] cellFinalH, float[] layerFinalH, float[] cellFinalC, float[] layerFinalC) {
        /** The largest |cell − layer| over outputs and final states. */
        public float maxDifference() {
            float max = 0;
            for (int t = 0; t < cellOutputs.length; t++) {
                max = Math.max(max, maxAbsDiff(cellOutputs[t], layerOutputs[t]));
            }
            max = Math.max(max, maxAbsDiff(cellFinalH, layerFinalH));
            if (cellFinalC != null) {
                max = Math.max(max, maxAbsDiff(cellFinalC, layerFinalC));
            }
            return max;
        }
    }

    private CellVersusLayer() {}

    /** Runs one cell type on a random sequence (batch 1) with weights drawn from {@code seed}. */
    public static Comparison compare(CellType type, long seed) {
        Rng rng = new Rng(seed);
        RecurrentCell cell = new RecurrentCell(type, INPUT, HIDDEN);
        cell.initDefault(rng);
        RecurrentLayer layer = new RecurrentLayer(type, INPUT, HIDDEN, 1, false, 0f);
        Map<String, Tensor> cellWeights = cell.stateDict();
        // The layer's names carry the layer index: weight_ih_l0 is the cell's weight_ih.
        layer.namedParameters().forEach((name, p) -> p.copyFrom(cellWeights.get(name.replace("_l0", ""))));
        Tensor x = Tensor.zeros(1, STEPS, INPUT); // [B=1,T,in]
        rng.uniform(x, -1f, 1f);

        try (Graph g = Graph.inference()) {
            RecurrentLayer.Output full = layer.forward(g, x, null, null, null);
            float[][] layerOut = new float[STEPS][];
            float[][] cellOut = new float[STEPS][];
            CellState state = CellState.zeros(type, 1, HIDDEN);
            for (int t = 0; t < STEPS; t++) {
                Tensor xt = ShapeOps.slice(g, x, 1, t, t + 1).reshape(1, INPUT); // [1,in]
                state = cell.step(g, xt, state);
                cellOut[t] = state.h().toArray();
                layerOut[t] = ShapeOps.slice(g, full.output(), 1, t, t + 1).toArray();
            }
            CellState last = full.finalStates()[0];
            return new Comparison(type, cellOut, layerOut, state.h().toArray(), last.h().toArray(),
                    state.c() == null ? null : state.c().toArray(), last.c() == null ? null : last.c().toArray());
        }
    }

    /** Compares every cell type and prints both sides. */
    public static void print(PrintWriter out) {
        out.printf(Locale.ROOT, "RecurrentCell stepped by hand vs RecurrentLayer (1 layer) with the same weights: input %d, hidden %d, %d steps, batch 1%n",
                INPUT, HIDDEN, STEPS);
        for (CellType type : CellType.values()) {
            Comparison c = compare(type, 2024);
            out.println();
            out.printf(Locale.ROOT, "%s%n", type.configName());
            out.printf(Locale.ROOT, "  %-8s %-36s %s%n", "step", "cell.step  h_t", "layer output[t]");
            for (int t = 0; t < STEPS; t++) {
                out.printf(Locale.ROOT, "  %-8d %-36s %s%n", t, vector(c.cellOutputs()[t]), vector(c.layerOutputs()[t]));
            }
            out.printf(Locale.ROOT, "  %-8s %-36s %s%n", "final h", vector(c.cellFinalH()), vector(c.layerFinalH()));
            if (c.cellFinalC() != null) {
                out.printf(Locale.ROOT, "  %-8s %-36s %s%n", "final c", vector(c.cellFinalC()), vector(c.layerFinalC()));
            }
            float d = c.maxDifference();
            out.printf(Locale.ROOT, "  max |difference| = %s%n", d == 0f ? "0 (bit-identical)" : String.format(Locale.ROOT, "%.3e", d));
        }
        out.flush();
    }

    private static String vector(float[] v) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            sb.append(i > 0 ? ", " : "").append(String.format(Locale.ROOT, "%8.5f", v[i]));
        }
        return sb.append(']').toString();
    }

    private static float maxAbsDiff(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalStateException("compared vectors differ in length: " + a.length + " vs " + b.length);
        }
        float max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    public static void main(String[] args) {
        print(new PrintWriter(System.out, true));
    }
}
