package io.github.seq2seq4j.nn;

import static io.github.seq2seq4j.testing.TestTensors.constant;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.seq2seq4j.autograd.Graph;
import io.github.seq2seq4j.ops.ShapeOps;
import io.github.seq2seq4j.tensor.Rng;
import io.github.seq2seq4j.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A cell stepped by hand over a sequence equals the sequence layer with the same weights. */
class RecurrentCellTest {
    @ParameterizedTest
    @EnumSource(CellType.class)
    void cellSteppedByHandEqualsTheLayer(CellType type) {
        Rng rng = new Rng(9);
        RecurrentCell cell = new RecurrentCell(type, 3, 5);
        cell.initDefault(rng);
        RecurrentLayer layer = new RecurrentLayer(type, 3, 5, 1, false, 0f);
        layer.namedParameters().forEach((name, p) -> p.copyFrom(cell.stateDict().get(name.replace("_l0", ""))));
        Tensor x = constant(rng, 2, 6, 3);
        Graph g = Graph.inference();
        RecurrentLayer.Output full = layer.forward(g, x, null, null, null);
        CellState state = CellState.zeros(type, 2, 5);
        for (int t = 0; t < 6; t++) {
            Tensor xt = ShapeOps.slice(g, x, 1, t, t + 1).reshape(2, 3);
            state = cell.step(g, xt, state);
            for (int b = 0; b < 2; b++) {
                for (int j = 0; j < 5; j++) {
                    assertEquals(full.output().get(b, t, j), state.h().get(b, j), 0f, "bit-identical at t=" + t);
                }
            }
        }
        for (int i = 0; i < 10; i++) {
            assertEquals(full.finalStates()[0].h().at(i), state.h().at(i), 0f);
        }
    }
}
