package io.github.seq2seq4j.examples;

import io.github.seq2seq4j.autograd.Graph;
import io.github.seq2seq4j.ops.Activations;
import io.github.seq2seq4j.ops.Elementwise;
import io.github.seq2seq4j.ops.MatMul;
import io.github.seq2seq4j.tensor.Tensor;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Elman's simple recurrent network (Elman 1990) written out with the autograd ops: 2 inputs,
 * 2 hidden units, 2 outputs,
 *
 * <pre>
 *   h_t = act(W·x_t + b_W + U·h_{t−1} + b_U)      y_t = V·h_t + b_V
 * </pre>
 *
 * with every weight 1, every bias 0, h_0 = 0 and inputs [1,1], [1,1], [2,2]. By hand: with the
 * identity, h = 2, 6, 16 and y = 4, 12, 32; with tanh, y_t = 2·h_t where h_1 = tanh 2,
 * h_2 = tanh(2 + 2·h_1), h_3 = tanh(4 + 2·h_2).
 *
 * <p>The engine computes in float32, which carries about 7 significant digits (one unit in the
 * last place is 2⁻²³ ≈ 1.2e-7 just below 2). To show that its results agree with the quoted 16-digit
 * values to float32 precision, the same recurrence is also computed in double.
 */
public final class SimpleRecurrentNetwork {
    /** The hidden-state non-linearity. */
    public enum Activation {
        IDENTITY,
        TANH
    }

    /** The three input vectors of the exercise. */
    static final float[][] INPUTS = {{1, 1}, {1, 1}, {2, 2}};

    private static final int SIZE = 2;

    /**
     * Outputs per step: {@code outputs[t]} as the engine computed them (float32) and
     * {@code reference[t]} from the same recurrence in double.
     */
    public record Result(Activation activation, float[][] outputs, double[][] reference) {
        /** The largest |float32 − double| over all steps and units. */
        public double maxDifference() {
            double max = 0;
            for (int t = 0; t < outputs.length; t++) {
                for (int j = 0; j < SIZE; j++) {
                    max = Math.max(max, Math.abs(outputs[t][j] - reference[t][j]));
                }
            }
            return max;
        }
    }

    private SimpleRecurrentNetwork() {}

    /** Runs the network over the three inputs with the engine's ops, and again in double. */
    public static Result run(Activation activation) {
        Tensor w = filled(1f, SIZE, SIZE); // input → hidden
        Tensor u = filled(1f, SIZE, SIZE); // hidden → hidden
        Tensor v = filled(1f, SIZE, SIZE); // hidden → output
        Tensor bw = Tensor.zeros(SIZE);
        Tensor bu = Tensor.zeros(SIZE);
        Tensor bv = Tensor.zeros(SIZE);
        float[][] outputs = new float[INPUTS.length][];
        try (Graph g = Graph.inference()) {
            Tensor h = Tensor.zeros(1, SIZE); // [B=1,H]
            for (int t = 0; t < INPUTS.length; t++) {
                Tensor x = Tensor.of(INPUTS[t].clone(), 1, SIZE); // [1,in]
                Tensor pre = Elementwise.add(g, MatMul.linear(g, x, w, bw), MatMul.linear(g, h, u, bu)); // [1,H]
                h = activation == Activation.TANH ? Activations.tanh(g, pre) : pre;
                outputs[t] = MatMul.linear(g, h, v, bv).toArray(); // [1,out]
            }
        }
        return new Result(activation, outputs, inDouble(activation));
    }

    /** The same recurrence with plain double arithmetic (all-ones weights, zero biases). */
    static double[][] inDouble(Activation activation) {
        double[][] out = new double[INPUTS.length][SIZE];
        double[] h = new double[SIZE];
        for (int t = 0; t < INPUTS.length; t++) {
            double[] next = new double[SIZE];
            for (int i = 0; i < SIZE; i++) {
                double s = 0;
                for (int j = 0; j < SIZE; j++) {
                    s += INPUTS[t][j] + h[j]; // W[i][j]·x[j] + U[i][j]·h[j] with W = U = 1
                }
                next[i] = activation == Activation.TANH ? Math.tanh(s) : s;
            }
            h = next;
            for (int i = 0; i < SIZE; i++) {
                double y = 0;
                for (int j = 0; j < SIZE; j++) {
                    y += h[j]; // V[i][j]·h[j] with V = 1
                }
                out[t][i] = y;
            }
        }
        return out;
    }

    /** Runs both activations and prints the outputs. */
    public static void print(PrintWriter out) {
        out.println("Simple recurrent network (Elman 1990): 2 inputs, 2 hidden, 2 outputs; every weight 1, every bias 0");
        out.println("h_t = act(W x_t + U h_{t-1}),  y_t = V h_t,  h_0 = 0,  inputs [1,1], [1,1], [2,2]");
        for (Activation a : Activation.values()) {
            Result r = run(a);
            out.println();
            out.printf(Locale.ROOT, "activation %s (output unit 1 shown; units equal at every step: %s)%n",
                    a.name().toLowerCase(Locale.ROOT), unitsEqual(r));
            out.printf(Locale.ROOT, "  %-5s %-6s %-22s %-22s %s%n", "step", "input", "y_t float32 (engine)", "y_t float64 (check)", "|diff|");
            for (int t = 0; t < INPUTS.length; t++) {
                float y = r.outputs()[t][0];
                double ref = r.reference()[t][0];
                // %.10g of a float prints its exact binary value to 10 digits: more than float32 holds.
                out.printf(Locale.ROOT, "  %-5d [%d,%d]  %-22s %-22s %.1e%n", t + 1, (int) INPUTS[t][0], (int) INPUTS[t][1],
                        String.format(Locale.ROOT, "%.10g", y), Double.toString(ref), Math.abs(y - ref));
            }
            out.printf(Locale.ROOT, "  max |float32 - float64| = %.2e: within one float32 ulp (%.1e just below 2)%n",
                    r.maxDifference(), Math.ulp(1.9f));
        }
        out.flush();
    }

    private static boolean unitsEqual(Result r) {
        for (float[] y : r.outputs()) {
            if (y[0] != y[1]) {
                return false;
            }
        }
        return true;
    }

    private static Tensor filled(float value, int... shape) {
        Tensor t = Tensor.zeros(shape);
        t.fill(value);
        return t;
    }

    public static void main(String[] args) {
        print(new PrintWriter(System.out, true));
    }
}
