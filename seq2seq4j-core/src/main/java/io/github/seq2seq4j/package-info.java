/**
 * seq2seq4j: sequence-to-sequence learning in pure Java. The entry point for users is
 * {@link io.github.seq2seq4j.Seq2SeqModel} (load a model directory, translate, n-best, sample,
 * attention weights); training goes through {@link io.github.seq2seq4j.train.Trainer}.
 *
 * <p>Packages, each depending only on those before it: {@code tensor} (storage, shapes, arena,
 * RNG), {@code kernels} (GEMM and fused loops), {@code autograd} (the tape), {@code ops}
 * (differentiable operations), {@code nn} (layers with PyTorch's names), {@code model}
 * (encoder–decoder and attention), {@code data} (tokenizers, vocabularies, corpora, batching),
 * {@code decode} (greedy, beam, sampling), {@code eval} (BLEU, chrF, WER, PER), {@code io}
 * (safetensors, JSON, model bundles), {@code train} (optimizers, schedules, the trainer).
 */
package io.github.seq2seq4j;
