package io.github.seq2seq4j.tensor;

import java.util.Arrays;

/**
 * A dense float32 tensor: a row-major block of {@code size()} floats starting at {@link #offset()}
 * in {@link #data()}, with a shape. The storage may be shared (an arena chunk, a parameter's array);
 * a tensor never reallocates it.
 *
 * <p>A tensor that takes part in differentiation carries a gradient of the same shape
 * ({@link #grad()}), allocated by whoever created the tensor: the graph for intermediate values,
 * the parameter for weights. Backward passes <em>add</em> into gradients.
 */
public final class Tensor {
    private final float[] data;
    private final int offset;
    private final int[] shape;
    private final int size;
    private Tensor grad;

    private Tensor(float[] data, int offset, int[] shape) {
        this.data = data;
        this.offset = offset;
        this.shape = shape;
        this.size = Shape.size(shape);
        if (offset < 0 || offset + size > data.length) {
            throw new IllegalArgumentException("tensor of shape " + Shape.str(shape) + " at offset " + offset
                    + " does not fit in storage of " + data.length + " floats");
        }
    }

    /** A tensor of zeros with its own storage. */
    public static Tensor zeros(int... shape) {
        int[] s = Shape.check(shape);
        return new Tensor(new float[Shape.size(s)], 0, s);
    }

    /** Wraps {@code data} (not copied); its length must equal the shape's size. */
    public static Tensor of(float[] data, int... shape) {
        int[] s = Shape.check(shape);
        if (data.length != Shape.size(s)) {
            throw new IllegalArgumentException("Tensor.of: " + data.length + " values for shape " + Shape.str(s));
        }
        return new Tensor(data, 0, s);
    }

    /** A view of {@code size(shape)} floats of {@code data} starting at {@code offset} (not copied). */
    public static Tensor view(float[] data, int offset, int... shape) {
        return new Tensor(data, offset, Shape.check(shape));
    }

    /** A scalar tensor (shape []) holding {@code value}. */
    public static Tensor scalar(float value) {
        return new Tensor(new float[] {value}, 0, new int[0]);
    }

    /** The backing array; element {@code i} (row-major) is {@code data()[offset() + i]}. */
    public float[] data() {
        return data;
    }

    public int offset() {
        return offset;
    }

    /** A copy of the shape. */
    public int[] shape() {
        return shape.clone();
    }

    /** Size of dimension {@code d}; negative {@code d} counts from the end. */
    public int dim(int d) {
        return shape[d < 0 ? shape.length + d : d];
    }

    public int rank() {
        return shape.length;
    }

    /** Number of elements. */
    public int size() {
        return size;
    }

    /** True if this tensor's shape equals {@code other}. */
    public boolean sameShape(int... other) {
        return Arrays.equals(shape, other);
    }

    /** Element at a flat row-major index. */
    public float at(int i) {
        return data[offset + i];
    }

    /** Element at a multi-dimensional index (slow; for tests and tools). */
    public float get(int... index) {
        return data[offset + Shape.flatIndex(shape, index)];
    }

    public void set(float value, int... index) {
        data[offset + Shape.flatIndex(shape, index)] = value;
    }

    /** The scalar value of a tensor of one element. */
    public float item() {
        if (size != 1) {
            throw new IllegalStateException("item() on a tensor of shape " + Shape.str(shape));
        }
        return data[offset];
    }

    /** A copy of the elements. */
    public float[] toArray() {
        return Arrays.copyOfRange(data, offset, offset + size);
    }

    /** Copies {@code src} (same size) into this tensor. */
    public void copyFrom(Tensor src) {
        if (src.size != size) {
            throw new IllegalArgumentException("copyFrom: " + Shape.str(src.shape) + " into " + Shape.str(shape));
        }
        System.arraycopy(src.data, src.offset, data, offset, size);
    }

    public void fill(float value) {
        Arrays.fill(data, offset, offset + size, value);
    }

    /** The same storage seen with another shape of equal size. Shares the gradient's storage too. */
    public Tensor reshape(int... newShape) {
        int[] s = Shape.check(newShape);
        if (Shape.size(s) != size) {
            throw new IllegalArgumentException("reshape: " + Shape.str(shape) + " to " + Shape.str(s));
        }
        Tensor t = new Tensor(data, offset, s);
        if (grad != null) {
            t.grad = new Tensor(grad.data, grad.offset, s);
        }
        return t;
    }

    /** The gradient, or null if this tensor does not take part in differentiation. */
    public Tensor grad() {
        return grad;
    }

    public boolean requiresGrad() {
        return grad != null;
    }

    /** Attaches a gradient tensor of the same shape (called by the graph and by parameters). */
    public void attachGrad(Tensor g) {
        if (g.size != size) {
            throw new IllegalArgumentException("gradient of shape " + Shape.str(g.shape) + " for tensor of shape " + Shape.str(shape));
        }
        this.grad = g;
    }

    /** Detaches the gradient: the tensor becomes a constant. */
    public void detachGrad() {
        this.grad = null;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Tensor").append(Shape.str(shape)).append(' ');
        int n = Math.min(size, 8);
        sb.append('[');
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(data[offset + i]);
        }
        return sb.append(size > n ? ", ...]" : "]").toString();
    }
}
