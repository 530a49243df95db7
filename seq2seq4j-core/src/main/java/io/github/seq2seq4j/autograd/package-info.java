/**
 * Reverse-mode automatic differentiation on a define-by-run tape (Wengert 1964; Griewank and
 * Walther 2008): ops record a backward step as they compute, {@link
 * io.github.seq2seq4j.autograd.Graph#backward} replays them in reverse, and an inference graph
 * records nothing. {@link io.github.seq2seq4j.autograd.GradCheck} compares every backward with
 * central finite differences.
 */
package io.github.seq2seq4j.autograd;
