package io.github.seq2seq4j.parity;

import static io.github.seq2seq4j.testing.Fixtures.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.seq2seq4j.tensor.Tensor;
import io.github.seq2seq4j.testing.Fixtures;
import io.github.seq2seq4j.train.Adam;
import io.github.seq2seq4j.train.GradClip;
import io.github.seq2seq4j.train.Optimizer;
import io.github.seq2seq4j.train.Sgd;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Three steps of each optimizer, and gradient clipping, against torch.optim (fixtures/optim). */
class OptimizerParityTest {
    @ParameterizedTest
    @ValueSource(strings = {"sgd_momentum", "adam", "adam_weight_decay", "adamw"})
    void threeStepsMatchTorch(String name) {
        Map<String, Tensor> f = Fixtures.load("optim/" + name + ".safetensors");
        Map<String, Tensor> params = new LinkedHashMap<>();
        for (String p : List.of("w", "b")) {
            params.put(p, RecurrentParityTest.withGrad(f.get("init." + p)));
        }
        Optimizer opt = switch (name) {
            case "sgd_momentum" -> new Sgd(params, 0.1f, 0.9f, 0f);
            case "adam" -> Adam.adam(params, 1e-3f);
            case "adam_weight_decay" -> new Adam(params, 1e-3f, 0.9f, 0.999f, 1e-8f, 0.01f, false);
            default -> Adam.adamW(params, 1e-3f, 0.01f);
        };
        for (int k = 1; k <= 3; k++) {
            for (String p : params.keySet()) {
                params.get(p).grad().copyFrom(f.get("grad.step" + k + "." + p));
            }
            opt.step();
            for (String p : params.keySet()) {
                assertClose(name + " step " + k + " " + p, f.get("param.step" + k + "." + p), params.get(p), 1e-6, 1e-6);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"clip_norm", "clip_norm_noop"})
    void clipByNorm(String name) {
        Map<String, Tensor> f = Fixtures.load("optim/" + name + ".safetensors");
        Tensor w = RecurrentParityTest.withGrad(f.get("grad.w"));
        Tensor b = RecurrentParityTest.withGrad(f.get("grad.b"));
        w.grad().copyFrom(f.get("grad.w"));
        b.grad().copyFrom(f.get("grad.b"));
        double total = GradClip.clipNorm(List.of(w, b), name.equals("clip_norm") ? 1.0 : 100.0);
        assertEquals(f.get("total_norm").item(), total, 1e-5 * total);
        assertClose("w", f.get("clipped.w"), w.grad(), 1e-6, 1e-6);
        assertClose("b", f.get("clipped.b"), b.grad(), 1e-6, 1e-6);
    }

    @Test
    void clipByValue() {
        Map<String, Tensor> f = Fixtures.load("optim/clip_value.safetensors");
        Tensor w = RecurrentParityTest.withGrad(f.get("grad.w"));
        w.grad().copyFrom(f.get("grad.w"));
        GradClip.clipValue(List.of(w), 0.5f);
        assertClose("w", f.get("clipped.w"), w.grad(), 0, 0);
    }
}
