package io.github.seq2seq4j.nn;

import io.github.seq2seq4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A tree of named parameters. Names are hierarchical and equal to the PyTorch reference's
 * ({@code encoder.weight_ih_l0_reverse}, {@code attention.key.weight}) so weight files are
 * exchangeable. Parameters are tensors with an attached gradient; they live outside any graph.
 */
public abstract class Module {
    private final Map<String, Tensor> params = new LinkedHashMap<>();
    private final Map<String, Module> children = new LinkedHashMap<>();

    /** While {@link #replicaOf} constructs a replica: the source's parameters still to be shared. */
    private static final ThreadLocal<Iterator<Tensor>> SHARED = new ThreadLocal<>();

    /**
     * Registers a new zero-initialised parameter with a gradient (while a replica is built: a view
     * of the source's next parameter, with a zeroed gradient of its own).
     */
    protected final Tensor param(String name, int... shape) {
        Iterator<Tensor> shared = SHARED.get();
        Tensor t;
        if (shared == null) {
            t = Tensor.zeros(shape);
        } else {
            Tensor s = shared.hasNext() ? shared.next() : null;
            if (s == null || !s.sameShape(shape)) {
                throw new IllegalStateException("replica: parameter " + name + " does not match the source's");
            }
            t = Tensor.view(s.data(), s.offset(), shape);
        }
        t.attachGrad(Tensor.zeros(shape));
        return register(name, t);
    }

    /**
     * A module built by {@code construct} with the structure of {@code source} whose parameters are
     * views of the source's weights (not copies) with gradients of their own: data-parallel training
     * runs part of a batch through it and adds its gradients to the source's. Optimizer steps and
     * loads on the source are seen by the replica. Fails if the two do not have the same parameters.
     */
    public static <M extends Module> M replicaOf(Module source, Supplier<M> construct) {
        if (SHARED.get() != null) {
            throw new IllegalStateException("replicaOf: already building a replica on this thread");
        }
        SHARED.set(source.parameters().iterator()); // parameters are created in this order (checked below)
        M replica;
        try {
            replica = construct.get();
        } finally {
            SHARED.remove();
        }
        Map<String, Tensor> mine = replica.stateDict();
        Map<String, Tensor> theirs = source.stateDict();
        if (!mine.keySet().equals(theirs.keySet())) {
            throw new IllegalStateException("replica: parameter names differ from the source's");
        }
        for (Map.Entry<String, Tensor> e : theirs.entrySet()) {
            Tensor r = mine.get(e.getKey());
            Tensor s = e.getValue();
            if (r.data() != s.data() || r.offset() != s.offset() || !r.sameShape(s.shape())) {
                throw new IllegalStateException("replica: " + e.getKey() + " does not share the source's weight");
            }
        }
        return replica;
    }

    /** Registers an existing parameter under a name (used to tie weights: one tensor, two names). */
    protected final Tensor register(String name, Tensor t) {
        if (params.containsKey(name) || children.containsKey(name)) {
            throw new IllegalStateException("duplicate name " + name);
        }
        params.put(name, t);
        return t;
    }

    /** Registers a sub-module; its parameters appear as {@code name.param}. */
    protected final <M extends Module> M child(String name, M m) {
        if (params.containsKey(name) || children.containsKey(name)) {
            throw new IllegalStateException("duplicate name " + name);
        }
        children.put(name, m);
        return m;
    }

    /**
     * Every name → tensor in registration order, like PyTorch's {@code state_dict}: a tied tensor
     * appears under each of its names.
     */
    public final Map<String, Tensor> stateDict() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        collect("", out);
        return out;
    }

    /** Distinct trainable tensors by first name, like PyTorch's {@code named_parameters}. */
    public final Map<String, Tensor> namedParameters() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        Map<Tensor, Boolean> seen = new IdentityHashMap<>();
        for (Map.Entry<String, Tensor> e : stateDict().entrySet()) {
            if (seen.put(e.getValue(), Boolean.TRUE) == null) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    /** The distinct trainable tensors. */
    public final List<Tensor> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    /** Number of trainable scalars. */
    public final long parameterCount() {
        long n = 0;
        for (Tensor t : parameters()) {
            n += t.size();
        }
        return n;
    }

    /** Sets every parameter's gradient to zero. */
    public final void zeroGrad() {
        for (Tensor t : parameters()) {
            t.grad().fill(0f);
        }
    }

    /**
     * Copies values from {@code source} into this module's parameters. Every name must be present
     * with the same shape, and no name may be extra; otherwise fails naming the tensor.
     */
    public final void loadStateDict(Map<String, Tensor> source) {
        Map<String, Tensor> mine = stateDict();
        for (String name : source.keySet()) {
            if (!mine.containsKey(name)) {
                throw new IllegalArgumentException("unexpected tensor " + name + " (the model has no such parameter)");
            }
        }
        for (Map.Entry<String, Tensor> e : mine.entrySet()) {
            Tensor src = source.get(e.getKey());
            if (src == null) {
                throw new IllegalArgumentException("missing tensor " + e.getKey() + " of shape "
                        + java.util.Arrays.toString(e.getValue().shape()));
            }
            if (!e.getValue().sameShape(src.shape())) {
                throw new IllegalArgumentException("tensor " + e.getKey() + " has shape " + java.util.Arrays.toString(src.shape())
                        + ", the model expects " + java.util.Arrays.toString(e.getValue().shape()));
            }
            e.getValue().copyFrom(src);
        }
    }

    private void collect(String prefix, Map<String, Tensor> out) {
        for (Map.Entry<String, Tensor> e : params.entrySet()) {
            out.put(prefix + e.getKey(), e.getValue());
        }
        for (Map.Entry<String, Module> e : children.entrySet()) {
            e.getValue().collect(prefix + e.getKey() + ".", out);
        }
    }
}
