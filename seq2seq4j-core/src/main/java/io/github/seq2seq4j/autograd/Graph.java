package io.github.seq2seq4j.autograd;

import io.github.seq2seq4j.tensor.Arena;
import io.github.seq2seq4j.tensor.Shape;
import io.github.seq2seq4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * The tape of a define-by-run computation. Ops compute their forward result immediately into
 * tensors allocated from this graph's {@link Arena} and, when the graph records and some input
 * needs a gradient, append their {@link Backward} to the tape. {@link #backward(Tensor)} runs the
 * tape in reverse.
 *
 * <p>An inference graph records nothing and gives no output a gradient. Intermediate tensors live
 * until {@link #reset()} or {@link #close()}; parameters live outside any graph.
 *
 * <pre>{@code
 * try (Graph g = Graph.training()) {
 *     Tensor loss = model.loss(g, batch);
 *     g.backward(loss);
 * }
 * }</pre>
 */
public final class Graph implements AutoCloseable {
    private final boolean recording;
    private final Arena arena;
    private final List<Backward> tape = new ArrayList<>();
    private final WeightPacks packs;
    private final boolean ownsPacks;
    private boolean training;

    private Graph(boolean recording, Arena arena, WeightPacks packs, boolean ownsPacks) {
        this.recording = recording;
        this.arena = arena;
        this.packs = packs;
        this.ownsPacks = ownsPacks;
        this.training = recording;
    }

    /** A recording graph in training mode (dropout active). */
    public static Graph training() {
        return new Graph(true, new Arena(), new WeightPacks(), true);
    }

    /** A graph that records nothing: no gradients, dropout off. */
    public static Graph inference() {
        return new Graph(false, new Arena(), new WeightPacks(), true);
    }

    /** A graph using a caller-owned arena (reused across batches to avoid allocation). */
    public static Graph of(boolean recording, Arena arena) {
        return new Graph(recording, arena, new WeightPacks(), true);
    }

    /**
     * A graph using a caller-owned arena and weight packs shared with other graphs (decoding's
     * step graphs); the caller invalidates the packs when the weights may change.
     */
    public static Graph of(boolean recording, Arena arena, WeightPacks shared) {
        return new Graph(recording, arena, shared, false);
    }

    /**
     * Weights packed for this graph's products (see {@link WeightPacks}); invalidated by
     * {@link #reset()} and {@link #close()} unless shared.
     */
    public WeightPacks packs() {
        return packs;
    }

    /** True if ops append their backward to the tape. */
    public boolean recording() {
        return recording;
    }

    /** True if stochastic layers (dropout) are active. Defaults to {@link #recording()}. */
    public boolean isTraining() {
        return training;
    }

    /** Turns dropout on or off independently of recording (e.g. gradient checks with dropout off). */
    public Graph setTraining(boolean on) {
        this.training = on;
        return this;
    }

    public Arena arena() {
        return arena;
    }

    /** True if a result computed from these inputs needs a gradient. */
    public boolean needsGrad(Tensor... inputs) {
        if (!recording) {
            return false;
        }
        for (Tensor t : inputs) {
            if (t != null && t.requiresGrad()) {
                return true;
            }
        }
        return false;
    }

    /** True if a result computed from {@code a} needs a gradient (allocation-free single-input form). */
    public boolean needsGrad(Tensor a) {
        return recording && a.requiresGrad();
    }

    /** True if a result computed from {@code a} and {@code b} needs a gradient. */
    public boolean needsGrad(Tensor a, Tensor b) {
        return recording && (a.requiresGrad() || (b != null && b.requiresGrad()));
    }

    /** An output tensor of zeros; with a zeroed gradient when {@code withGrad}. */
    public Tensor zeros(boolean withGrad, int... shape) {
        Tensor t = arena.zeros(shape);
        if (withGrad) {
            t.attachGrad(arena.zeros(shape));
        }
        return t;
    }

    /** An output tensor the op will overwrite entirely; with a zeroed gradient when {@code withGrad}. */
    public Tensor output(boolean withGrad, int... shape) {
        Tensor t = arena.uninitialized(shape);
        if (withGrad) {
            t.attachGrad(arena.zeros(shape));
        }
        return t;
    }

    /** A scratch tensor for an op's own use (no gradient), valid until reset. */
    public Tensor scratch(int... shape) {
        return arena.uninitialized(shape);
    }

    /** Appends a backward step; ignored by a graph that does not record. */
    public void record(Backward b) {
        if (recording) {
            tape.add(b);
        }
    }

    /** Number of recorded backward steps. */
    public int tapeSize() {
        return tape.size();
    }

    /**
     * Back-propagates from a scalar: adds 1 to {@code loss}'s gradient and runs the tape in reverse.
     * Gradients accumulate into every tensor that has one, parameters included.
     */
    public void backward(Tensor loss) {
        backward(loss, 1f);
    }

    /**
     * Back-propagates {@code seed}·loss: adds {@code seed} to {@code loss}'s gradient and runs the
     * tape in reverse. Data-parallel training weights each part's mean loss by its share of the
     * batch's tokens this way, so the summed gradients are those of the whole batch's mean.
     */
    public void backward(Tensor loss, float seed) {
        if (!recording) {
            throw new IllegalStateException("backward() on an inference graph");
        }
        if (loss.size() != 1) {
            throw new IllegalArgumentException("backward() needs a scalar loss, got shape " + Shape.str(loss.shape()));
        }
        if (!loss.requiresGrad()) {
            throw new IllegalArgumentException("backward(): the loss does not depend on anything that needs a gradient");
        }
        Tensor g = loss.grad();
        g.data()[g.offset()] += seed;
        for (int i = tape.size() - 1; i >= 0; i--) {
            tape.get(i).run();
        }
    }

    /** Forgets the tape and releases every intermediate tensor; the graph can be used again. */
    public void reset() {
        tape.clear();
        arena.reset();
        if (ownsPacks) {
            packs.invalidate();
        }
    }

    @Override
    public void close() {
        reset();
    }
}
