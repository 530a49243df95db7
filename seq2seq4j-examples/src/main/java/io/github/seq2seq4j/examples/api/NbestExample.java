package io.github.seq2seq4j.examples.api;

import io.github.seq2seq4j.Seq2SeqModel;
import io.github.seq2seq4j.Translation;
import io.github.seq2seq4j.decode.DecodeOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Beam search with an n-best list: the three best translations of each source with their scores.
 *
 * <p>{@link Translation#score()} is the total log-probability of the output, end of sentence
 * included, so {@code Math.exp(score)} is the probability the model gives that exact output;
 * {@link Translation#normalizedScore()} divides it by the GNMT length penalty (exponent
 * {@code alpha}) and is what the list is ranked by.
 *
 * <pre>
 * java -cp seq2seq4j-examples/target/seq2seq4j-examples.jar io.github.seq2seq4j.examples.api.NbestExample [MODEL_DIR]
 * </pre>
 */
public final class NbestExample {
    private NbestExample() {}

    /** Beam 5, length-penalty exponent 1.0, the 3 best of "good" and "house"; returns the lists. */
    public static List<List<Translation>> run(Path modelDir, PrintWriter out) {
        Seq2SeqModel model = Seq2SeqModel.load(modelDir);
        List<String> sources = List.of("good", "house");
        DecodeOptions options = DecodeOptions.beam(5, 1.0).withNbest(3);
        List<List<Translation>> nbest = model.nbest(sources, options);
        for (int i = 0; i < sources.size(); i++) {
            out.println(sources.get(i) + ":");
            for (Translation t : nbest.get(i)) {
                out.printf(Locale.ROOT, "  %-8s log-prob %8.4f  probability %.4f  normalized %8.4f%s%n", t.text(),
                        t.score(), Math.exp(t.score()), t.normalizedScore(), t.finished() ? "" : "  (unfinished)");
            }
        }
        out.flush();
        return nbest;
    }

    /**
     * Runs the example.
     *
     * @param args the model directory (default {@value ExampleModel#DEFAULT})
     */
    public static void main(String[] args) {
        run(ExampleModel.dir(args), new PrintWriter(System.out, true));
    }
}
