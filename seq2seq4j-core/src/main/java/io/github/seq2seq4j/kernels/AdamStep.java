package io.github.seq2seq4j.kernels;

/**
 * The per-step constants of one Adam or AdamW update, as {@code train.Adam} computes them:
 *
 * <pre>
 *   decoupled (AdamW): p *= decay                 else: g += weightDecay·p  (when weightDecay ≠ 0)
 *   m = beta1·m + (1−beta1)·g      v = beta2·v + ((1−beta2)·g)·g
 *   p −= stepSize · (m / (√v / bc2Sqrt + eps))
 * </pre>
 *
 * Both {@link Blas1#adam} kernels perform exactly these float operations in this order.
 */
public record AdamStep(float beta1, float beta2, float eps, float weightDecay, boolean decoupled, float decay,
                       float stepSize, float bc2Sqrt) {
}
