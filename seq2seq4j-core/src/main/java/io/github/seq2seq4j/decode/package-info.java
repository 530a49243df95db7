/**
 * Inference: batched greedy decoding, beam search over a batch of sentences with immutable
 * back-pointer hypotheses and the GNMT length penalty (Wu et al. 2016), and ancestral sampling
 * with temperature, top-k (Fan et al. 2018) and nucleus top-p (Holtzman et al. 2020) filtering.
 */
package io.github.seq2seq4j.decode;
