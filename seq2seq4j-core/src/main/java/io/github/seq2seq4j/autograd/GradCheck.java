package io.github.seq2seq4j.autograd;

import io.github.seq2seq4j.ops.Elementwise;
import io.github.seq2seq4j.ops.Reductions;
import io.github.seq2seq4j.tensor.Rng;
import io.github.seq2seq4j.tensor.Tensor;
import java.util.List;
import java.util.function.Function;

/**
 * Finite-difference gradient checker. The function's output is reduced to the scalar
 * {@code L = Σ out ⊙ R} for a fixed random R; the analytic gradient of L with respect to every
 * input (a leaf tensor with a gradient attached) is compared with central differences
 * {@code (L(x+ε) − L(x−ε)) / 2ε}, L summed in double.
 *
 * <p>An element passes when {@code |analytic − numeric| ≤ atol + rtol·max(|analytic|, |numeric|)}.
 * The function must be deterministic (draw any dropout mask from a fresh seeded generator).
 */
public final class GradCheck {
    private GradCheck() {}

    /** The worst element found. */
    public record Result(double maxViolation, int input, int index, double analytic, double numeric, int checked) {
        /** True if every element was within tolerance. */
        public boolean ok() {
            return maxViolation <= 1.0;
        }

        @Override
        public String toString() {
            return String.format("worst: input %d element %d analytic %.6g numeric %.6g (%.2f× tolerance), %d elements checked",
                    input, index, analytic, numeric, maxViolation, checked);
        }
    }

    /** Checks with ε = 1e-2, atol = 2e-3, rtol = 2e-3 (float32 forward passes). */
    public static Result check(Function<Graph, Tensor> f, List<Tensor> inputs) {
        return check(f, inputs, 1e-2f, 2e-3, 2e-3, 12345L);
    }

    public static Result check(Function<Graph, Tensor> f, List<Tensor> inputs, float eps, double atol, double rtol, long seed) {
        for (Tensor x : inputs) {
            if (!x.requiresGrad()) {
                throw new IllegalArgumentException("GradCheck: every input needs an attached gradient");
            }
            x.grad().fill(0f);
        }
        Tensor r;
        try (Graph g = Graph.training()) {
            g.setTraining(false);
            Tensor out = f.apply(g);
            r = Tensor.zeros(out.shape());
            new Rng(seed).uniform(r, -1f, 1f);
            Tensor loss = Reductions.sum(g, Elementwise.mul(g, out, r));
            g.backward(loss);
        }
        double worst = -1;
        int wi = -1, we = -1, checked = 0;
        double wa = 0, wn = 0;
        for (int i = 0; i < inputs.size(); i++) {
            Tensor x = inputs.get(i);
            float[] d = x.data();
            for (int e = 0; e < x.size(); e++) {
                int p = x.offset() + e;
                float orig = d[p];
                d[p] = orig + eps;
                double plus = evaluate(f, r);
                d[p] = orig - eps;
                double minus = evaluate(f, r);
                d[p] = orig;
                double numeric = (plus - minus) / (2.0 * eps);
                double analytic = x.grad().at(e);
                double violation = Math.abs(analytic - numeric) / (atol + rtol * Math.max(Math.abs(analytic), Math.abs(numeric)));
                checked++;
                if (violation > worst || Double.isNaN(violation)) {
                    worst = Double.isNaN(violation) ? Double.POSITIVE_INFINITY : violation;
                    wi = i;
                    we = e;
                    wa = analytic;
                    wn = numeric;
                }
            }
        }
        return new Result(worst, wi, we, wa, wn, checked);
    }

    private static double evaluate(Function<Graph, Tensor> f, Tensor r) {
        try (Graph g = Graph.inference()) {
            Tensor out = f.apply(g);
            double s = 0;
            for (int i = 0; i < out.size(); i++) {
                s += (double) out.at(i) * r.at(i);
            }
            return s;
        }
    }
}
