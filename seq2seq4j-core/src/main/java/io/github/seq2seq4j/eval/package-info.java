/**
 * Evaluation metrics for sequence-to-sequence output, all corpus-level and reported in percent.
 *
 * <ul>
 *   <li>{@link io.github.seq2seq4j.eval.Bleu}: BLEU (Papineni, Roukos, Ward and Zhu 2002, "BLEU: a
 *       Method for Automatic Evaluation of Machine Translation", ACL), computed exactly as
 *       sacreBLEU 2.x computes it (Post 2018, "A Call for Clarity in Reporting BLEU Scores"):
 *       mteval 13a / intl tokenization, brevity penalty against the closest reference length,
 *       smoothing methods of Chen and Cherry (2014). Sentence-level BLEU with sacreBLEU's
 *       {@code sentence_bleu} defaults.
 *   <li>{@link io.github.seq2seq4j.eval.ChrF}: chrF (Popović 2015, "chrF: character n-gram F-score
 *       for automatic MT evaluation", WMT) and chrF++ (Popović 2017), as in sacreBLEU 2.x.
 *   <li>{@link io.github.seq2seq4j.eval.EditDistance}: Levenshtein distance (Levenshtein 1966,
 *       "Binary codes capable of correcting deletions, insertions, and reversals"), behind
 *       {@link io.github.seq2seq4j.eval.Wer}, {@link io.github.seq2seq4j.eval.Cer} and the G2P
 *       phoneme error rate {@link io.github.seq2seq4j.eval.Per}.
 *   <li>{@link io.github.seq2seq4j.eval.Accuracy} (exact match against any reference) and
 *       {@link io.github.seq2seq4j.eval.Perplexity}.
 * </ul>
 *
 * <p>Every metric takes one reference <em>set</em> per hypothesis (sets may differ in size) and is
 * found by name through {@link io.github.seq2seq4j.eval.Metrics}. Where sacreBLEU defines the
 * behaviour (whitespace, lower-casing, empty references, rounding of printed scores) it is
 * followed with Python's semantics; the tests hold the results to sacreBLEU's published values.
 */
package io.github.seq2seq4j.eval;
