package io.github.seq2seq4j.train;

import io.github.seq2seq4j.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Updates named parameters from their gradients with PyTorch's update formulas, in float32 and in
 * the same order of operations, so a few steps match {@code torch.optim} to rounding.
 */
public abstract class Optimizer {
    protected final Map<String, Tensor> params;
    protected float lr;
    protected long steps;

    protected Optimizer(Map<String, Tensor> params, float lr) {
        if (!(lr > 0f)) {
            throw new IllegalArgumentException("learning rate must be positive: " + lr);
        }
        this.params = new LinkedHashMap<>(params);
        this.lr = lr;
    }

    /** One update of every parameter from its current gradient. */
    public final void step() {
        steps++;
        for (Map.Entry<String, Tensor> e : params.entrySet()) {
            Tensor p = e.getValue();
            update(e.getKey(), p.data(), p.offset(), p.grad().data(), p.grad().offset(), p.size());
        }
    }

    /** Updates one parameter of {@code n} values; {@link #steps} is already incremented. */
    protected abstract void update(String name, float[] p, int pOff, float[] g, int gOff, int n);

    /** Zeroes every parameter's gradient. */
    public final void zeroGrad() {
        for (Tensor p : params.values()) {
            p.grad().fill(0f);
        }
    }

    public final float learningRate() {
        return lr;
    }

    /** Sets the learning rate (schedules call this before each step). */
    public final void setLearningRate(float lr) {
        this.lr = lr;
    }

    public final long stepCount() {
        return steps;
    }

    /** The parameters this optimizer updates, by name. */
    public final Map<String, Tensor> parameters() {
        return params;
    }

    /** Internal state (moments, momentum buffers) by name, for checkpoints; includes "step". */
    public Map<String, Tensor> state() {
        Map<String, Tensor> s = new LinkedHashMap<>();
        s.put("step", Tensor.of(new float[] {Float.intBitsToFloat((int) steps), Float.intBitsToFloat((int) (steps >>> 32))}, 2));
        return s;
    }

    /** Restores what {@link #state()} returned. */
    public void loadState(Map<String, Tensor> s) {
        Tensor st = s.get("step");
        if (st == null) {
            throw new IllegalArgumentException("optimizer state has no step count");
        }
        steps = (Float.floatToRawIntBits(st.at(0)) & 0xFFFFFFFFL) | ((long) Float.floatToRawIntBits(st.at(1)) << 32);
    }

    /** A zero buffer per parameter, keyed by parameter name. */
    protected final Map<String, float[]> buffers() {
        Map<String, float[]> m = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : params.entrySet()) {
            m.put(e.getKey(), new float[e.getValue().size()]);
        }
        return m;
    }

    /** Copies named buffers into a state map under "prefix.name". */
    protected static void export(Map<String, Tensor> out, String prefix, Map<String, float[]> buffers) {
        for (Map.Entry<String, float[]> e : buffers.entrySet()) {
            out.put(prefix + "." + e.getKey(), Tensor.of(e.getValue().clone(), e.getValue().length));
        }
    }

    /** Restores named buffers from a state map. */
    protected static void restore(Map<String, Tensor> in, String prefix, Map<String, float[]> buffers) {
        for (Map.Entry<String, float[]> e : buffers.entrySet()) {
            Tensor t = in.get(prefix + "." + e.getKey());
            if (t == null || t.size() != e.getValue().length) {
                throw new IllegalArgumentException("optimizer state: missing or mis-sized " + prefix + "." + e.getKey());
            }
            System.arraycopy(t.data(), t.offset(), e.getValue(), 0, t.size());
        }
    }
}
