package io.github.seq2seq4j.nn;

import static io.github.seq2seq4j.testing.TestTensors.variable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.seq2seq4j.autograd.GradCheck;
import io.github.seq2seq4j.autograd.Graph;
import io.github.seq2seq4j.ops.ShapeOps;
import io.github.seq2seq4j.tensor.Rng;
import io.github.seq2seq4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Fused cells and stacked bidirectional layers over padded batches against central differences. */
class RecurrentLayerGradCheckTest {

    /** Output and every final state flattened into one vector, so one check covers them all. */
    private static Tensor everything(Graph g, RecurrentLayer.Output o) {
        List<Tensor> parts = new ArrayList<>();
        parts.add(o.output().reshape(o.output().size()));
        for (CellState s : o.finalStates()) {
            parts.add(s.h().reshape(s.h().size()));
            if (s.c() != null) {
                parts.add(s.c().reshape(s.c().size()));
            }
        }
        return ShapeOps.concat(g, 0, parts.toArray(new Tensor[0]));
    }

    private static void randomize(Module m, Rng rng) {
        for (Tensor p : m.parameters()) {
            rng.uniform(p, -0.6f, 0.6f);
        }
    }

    @ParameterizedTest
    @EnumSource(CellType.class)
    void twoLayerBidirectionalOverPaddedBatch(CellType type) {
        Rng rng = new Rng(11 + type.ordinal());
        RecurrentLayer layer = new RecurrentLayer(type, 3, 4, 2, true, 0f);
        randomize(layer, rng);
        if (type == CellType.RNN_RELU) { // keep pre-activations away from the kink
            for (Tensor p : layer.parameters()) {
                if (p.rank() == 1) {
                    p.fill(0.3f);
                }
            }
        }
        Tensor x = variable(rng, 3, 5, 3);
        int[] lengths = {5, 2, 4};
        List<Tensor> inputs = new ArrayList<>(layer.parameters());
        inputs.add(x);
        GradCheck.Result r = GradCheck.check(g -> everything(g, layer.forward(g, x, lengths, null, null)), inputs);
        assertTrue(r.ok(), type + ": " + r);
    }

    @ParameterizedTest
    @EnumSource(CellType.class)
    void initialStateReceivesGradient(CellType type) {
        Rng rng = new Rng(3);
        RecurrentLayer layer = new RecurrentLayer(type, 2, 3, 1, false, 0f);
        randomize(layer, rng);
        Tensor x = variable(rng, 2, 4, 2);
        Tensor h0 = variable(rng, 2, 3);
        Tensor c0 = type.hasCellState() ? variable(rng, 2, 3) : null;
        List<Tensor> inputs = new ArrayList<>(layer.parameters());
        inputs.add(h0);
        if (c0 != null) {
            inputs.add(c0);
        }
        int[] lengths = {4, 3};
        GradCheck.Result r = GradCheck.check(
                g -> everything(g, layer.forward(g, x, lengths, new CellState[] {new CellState(h0, c0)}, null)), inputs);
        assertTrue(r.ok(), type + ": " + r);
    }

    @ParameterizedTest
    @EnumSource(CellType.class)
    void paddedPositionsAreZeroAndStatesStopAtEachLength(CellType type) {
        Rng rng = new Rng(5);
        RecurrentLayer layer = new RecurrentLayer(type, 2, 3, 1, true, 0f);
        randomize(layer, rng);
        Tensor x = variable(rng, 2, 4, 2);
        RecurrentLayer.Output padded = layer.forward(Graph.inference(), x, new int[] {4, 2}, null, null);
        // The second sequence alone, unpadded, must give the same outputs and final states.
        Tensor alone = Tensor.zeros(1, 2, 2);
        System.arraycopy(x.data(), 8, alone.data(), 0, 4);
        RecurrentLayer.Output single = layer.forward(Graph.inference(), alone, null, null, null);
        for (int t = 0; t < 4; t++) {
            for (int j = 0; j < 6; j++) {
                float v = padded.output().get(1, t, j);
                if (t >= 2) {
                    assertEquals(0f, v, "padding is zero");
                } else {
                    assertEquals(single.output().get(0, t, j), v, 1e-6f);
                }
            }
        }
        for (int d = 0; d < 2; d++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(single.finalStates()[d].h().get(0, j), padded.finalStates()[d].h().get(1, j), 1e-6f);
            }
        }
    }
}
