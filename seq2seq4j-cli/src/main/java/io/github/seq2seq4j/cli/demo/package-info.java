/**
 * {@code seq2seq4j demo} behind the command line: the CMUdict sample bundled in the jar ({@link
 * io.github.seq2seq4j.cli.demo.DemoData}) and its training configuration ({@link
 * io.github.seq2seq4j.cli.demo.DemoConfig}), the output directory ({@link
 * io.github.seq2seq4j.cli.demo.DemoDirectory}), a time limit on training ({@link
 * io.github.seq2seq4j.cli.demo.TimeLimit}), grapheme-to-phoneme scoring of the held-out words by the
 * usual convention — word error rate against any pronunciation, phoneme error rate against the
 * closest ({@link io.github.seq2seq4j.cli.demo.G2pEvaluation}) — and the printed samples, heatmaps
 * and HTML report ({@link io.github.seq2seq4j.cli.demo.SampleTable}, {@link
 * io.github.seq2seq4j.cli.demo.DemoReport}).
 *
 * <p>The model is the encoder-decoder with additive attention of Bahdanau, Cho and Bengio (2015),
 * with GRU cells (Cho et al. 2014), applied to grapheme-to-phoneme conversion as in Yao and Zweig
 * (2015) and Rao et al. (2015).
 */
package io.github.seq2seq4j.cli.demo;
