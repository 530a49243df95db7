/**
 * Differentiable operations: each computes its forward result into a graph tensor and records a
 * backward that adds into its inputs' gradients. Matrix products, element-wise maths, shape ops,
 * embedding lookup, softmax and its masked form, the reference's token losses with label
 * smoothing (Szegedy et al. 2016), inverted dropout (Srivastava et al. 2014), and attention
 * scores (additive: Bahdanau et al. 2015; dot and general: Luong et al. 2015).
 */
package io.github.seq2seq4j.ops;
