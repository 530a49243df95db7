package io.github.seq2seq4j.examples;

import io.github.seq2seq4j.autograd.Graph;
import io.github.seq2seq4j.nn.CellState;
import io.github.seq2seq4j.nn.CellType;
import io.github.seq2seq4j.nn.RecurrentCell;
import io.github.seq2seq4j.ops.Elementwise;
import io.github.seq2seq4j.ops.Losses;
import io.github.seq2seq4j.tensor.Rng;
import io.github.seq2seq4j.tensor.Tensor;
import io.github.seq2seq4j.train.Adam;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The classic first character-RNN exercise: one tanh RNN cell reads "hello" one letter at a time
 * (one-hot over the alphabet h, e, l, o) and must emit "ohlol". The hidden state (size 4) is itself
 * the vector of logits; the loss is the cross-entropy summed over the 5 steps; Adam (lr 0.1) takes
 * one step per epoch. The two l's of "hello" must give different letters (l, o), so the cell has
 * to use its recurrent state.
 */
public final class HelloOhlol {
    /** The alphabet of the one-hot code, in index order. */
    public static final String ALPHABET = "helo";
    public static final String INPUT = "hello";
    public static final String TARGET = "ohlol";
    /** A seed with which the cell learns the mapping within {@link #EPOCHS} epochs. */
    public static final long SEED = 1;
    public static final int EPOCHS = 15;
    private static final float LEARNING_RATE = 0.1f;
    private static final int NO_IGNORED_TARGET = -1;

    /** One epoch: the summed loss and the string predicted by the forward pass before the update. */
    public record Epoch(int epoch, float loss, String predicted) {}

    /** Every epoch, in order. */
    public record Result(List<Epoch> epochs) {
        /** The first epoch (from 1) whose prediction is the target, or −1 if none. */
        public int firstSolvedEpoch() {
            for (Epoch e : epochs) {
                if (e.predicted().equals(TARGET)) {
                    return e.epoch();
                }
            }
            return -1;
        }

        public Epoch last() {
            return epochs.get(epochs.size() - 1);
        }
    }

    private HelloOhlol() {}

    /** Trains a freshly initialised cell for {@code epochs} epochs. */
    public static Result train(long seed, int epochs) {
        int size = ALPHABET.length();
        RecurrentCell cell = new RecurrentCell(CellType.RNN_TANH, size, size);
        cell.initDefault(new Rng(seed));
        Adam adam = Adam.adam(cell.namedParameters(), LEARNING_RATE);
        int[] inputs = indices(INPUT);
        int[] targets = indices(TARGET);
        List<Epoch> history = new ArrayList<>();
        for (int epoch = 1; epoch <= epochs; epoch++) {
            adam.zeroGrad();
            try (Graph g = Graph.training()) {
                CellState state = CellState.zeros(CellType.RNN_TANH, 1, size);
                Tensor loss = null;
                StringBuilder predicted = new StringBuilder();
                for (int t = 0; t < inputs.length; t++) {
                    state = cell.step(g, oneHot(inputs[t], size), state);
                    Tensor logits = state.h(); // [1,V]: the hidden state is the output
                    Tensor stepLoss = Losses.crossEntropy(g, logits, new int[] {targets[t]}, NO_IGNORED_TARGET, 0f);
                    loss = loss == null ? stepLoss : Elementwise.add(g, loss, stepLoss);
                    predicted.append(ALPHABET.charAt(argmax(logits)));
                }
                g.backward(loss);
                adam.step();
                history.add(new Epoch(epoch, loss.item(), predicted.toString()));
            }
        }
        return new Result(history);
    }

    /** Trains with the fixed seed and prints each epoch's loss and prediction. */
    public static void print(PrintWriter out) {
        out.printf(Locale.ROOT, "One RNN cell (tanh, hidden = 4 = logits over \"%s\"), Adam lr %s, seed %d: \"%s\" -> \"%s\"%n",
                ALPHABET, LEARNING_RATE, SEED, INPUT, TARGET);
        Result r = train(SEED, EPOCHS);
        for (Epoch e : r.epochs()) {
            out.printf(Locale.ROOT, "epoch %2d  loss %.4f  predicted \"%s\"%s%n", e.epoch(), e.loss(), e.predicted(),
                    e.predicted().equals(TARGET) ? "  = target" : "");
        }
        int solved = r.firstSolvedEpoch();
        out.println(solved > 0
                ? String.format(Locale.ROOT, "learned \"%s\" -> \"%s\" at epoch %d", INPUT, TARGET, solved)
                : String.format(Locale.ROOT, "not learned within %d epochs", EPOCHS));
        out.flush();
    }

    private static int[] indices(String s) {
        int[] out = new int[s.length()];
        for (int i = 0; i < s.length(); i++) {
            out[i] = ALPHABET.indexOf(s.charAt(i));
        }
        return out;
    }

    private static Tensor oneHot(int index, int size) {
        Tensor x = Tensor.zeros(1, size); // [B=1,V]
        x.set(1f, 0, index);
        return x;
    }

    private static int argmax(Tensor row) {
        int best = 0;
        for (int i = 1; i < row.size(); i++) {
            if (row.at(i) > row.at(best)) {
                best = i;
            }
        }
        return best;
    }

    public static void main(String[] args) {
        print(new PrintWriter(System.out, true));
    }
}
