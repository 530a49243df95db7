/**
 * Dense float32 tensors (row-major storage with an offset and a shape), per-batch arenas that make
 * steady-state training allocation-free, and the seeded SplitMix64 generator (Steele, Lea and
 * Flood 2014) whose state checkpoints save for exact resumes.
 */
package io.github.seq2seq4j.tensor;
