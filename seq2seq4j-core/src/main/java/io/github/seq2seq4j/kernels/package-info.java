/**
 * Numeric kernels: the only package that does arithmetic on raw {@code float[]} storage in bulk,
 * and the only one that may import {@code jdk.incubator.vector}.
 *
 * <p>Responsibilities: {@link io.github.seq2seq4j.kernels.Gemm} (general matrix multiply in all four
 * transpose combinations, the operation a recurrent seq2seq model spends its time in),
 * {@link io.github.seq2seq4j.kernels.Blas1} (dot, axpy, scale, add) and the worker pool
 * {@link io.github.seq2seq4j.kernels.Parallel}. Each facade picks its implementation once at
 * start-up: Vector API kernels when the JVM runs with {@code --add-modules jdk.incubator.vector},
 * plain-Java kernels otherwise or with {@code -Dseq2seq4j.kernels=scalar}. The Vector API classes
 * are loaded reflectively, so the package loads on JVMs without the module.
 *
 * <p>The GEMM follows Goto and van de Geijn, "Anatomy of high-performance matrix multiplication"
 * (ACM TOMS 34(3), 2008) and the BLIS micro-kernel design (Van Zee and van de Geijn, ACM TOMS
 * 41(3), 2015): operands are packed into cache-sized panels and a register-blocked micro-kernel
 * updates a small tile of C. Results are identical for every thread count.
 *
 * <p>Layout conventions: row-major, explicit offsets and leading dimensions, no allocation in
 * the hot loops; kernels are plain loops with fused multiply-adds and scalar tails.
 */
package io.github.seq2seq4j.kernels;
