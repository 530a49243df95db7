/**
 * Data: from text files to padded batches of token ids.
 *
 * <ul>
 *   <li>{@link io.github.seq2seq4j.data.Tokenizer}: {@link io.github.seq2seq4j.data.CharTokenizer}
 *       and {@link io.github.seq2seq4j.data.WhitespaceTokenizer} behave exactly as the reference's
 *       {@code tokenize}/{@code detokenize} (Python's white space, U+2581 for the space);
 *       {@link io.github.seq2seq4j.data.BpeTokenizer} and {@link io.github.seq2seq4j.data.BpeLearner}
 *       implement byte-pair encoding after Sennrich, Haddow and Birch, "Neural Machine Translation
 *       of Rare Words with Subword Units", ACL 2016, with a word-start marker and a
 *       {@code bpe.merges} file.</li>
 *   <li>{@link io.github.seq2seq4j.data.Vocabulary}: specials {@code <pad> <unk> <s> </s>} at ids
 *       0..3, count-ordered ids, the reference's vocab file format.</li>
 *   <li>{@link io.github.seq2seq4j.data.ParallelCorpus}: streams TSV or line-aligned files, strict
 *       UTF-8, bad input reported as {@code file:line: message}; over-long pairs skipped and
 *       counted.</li>
 *   <li>{@link io.github.seq2seq4j.data.Batch} and {@link io.github.seq2seq4j.data.Batcher}: the
 *       reference's padded layout (src, srcLen, tgtIn = BOS+target, tgtOut = target+EOS), seeded
 *       shuffling, length bucketing, sentence or token budgets, in-memory or bounded-pool
 *       streaming, and a {@link io.github.seq2seq4j.data.BatchPosition} to resume exactly.</li>
 * </ul>
 *
 * Nothing here depends on tensors or models; the package has no dependencies beyond the JDK.
 */
package io.github.seq2seq4j.data;
