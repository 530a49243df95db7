package io.github.seq2seq4j.examples.api;

import io.github.seq2seq4j.Seq2SeqModel;
import io.github.seq2seq4j.Translation;
import io.github.seq2seq4j.decode.DecodeOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The attention weights of one translation: for each output token (and the end of sentence), how
 * much the decoder looked at each source token. Printed as a table of percentages with the
 * largest weight of each row marked.
 *
 * <pre>
 * java -cp seq2seq4j-examples/target/seq2seq4j-examples.jar io.github.seq2seq4j.examples.api.AttentionExample [MODEL_DIR]
 * </pre>
 */
public final class AttentionExample {
    private AttentionExample() {}

    /** Translates "water" greedily with attention, prints the weights and returns the translation. */
    public static Translation run(Path modelDir, PrintWriter out) {
        Seq2SeqModel model = Seq2SeqModel.load(modelDir);
        Translation t = model.translate(List.of("water"), DecodeOptions.GREEDY.withAttention(true)).get(0);
        float[][] weights = t.attention(); // [output step][source token]; each row sums to 1

        List<String> rows = new ArrayList<>(t.tokens());
        if (t.finished()) {
            rows.add("</s>"); // the step that produced the end of sentence has a row too
        }
        out.println("water -> " + t.text() + "   (attention in %, * = largest)");
        StringBuilder header = new StringBuilder("      ");
        for (String s : t.sourceTokens()) {
            header.append(String.format(Locale.ROOT, "%5s ", s));
        }
        out.println(header);
        for (int i = 0; i < weights.length; i++) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-6s", rows.get(i)));
            int max = 0;
            for (int j = 1; j < weights[i].length; j++) {
                if (weights[i][j] > weights[i][max]) {
                    max = j;
                }
            }
            for (int j = 0; j < weights[i].length; j++) {
                line.append(String.format(Locale.ROOT, "%5.0f%s", 100 * weights[i][j], j == max ? "*" : " "));
            }
            out.println(line);
        }
        out.flush();
        return t;
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
