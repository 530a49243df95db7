package io.github.seq2seq4j.examples.api;

import io.github.seq2seq4j.Seq2SeqModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a saved model and translates one string, then a batch.
 *
 * <pre>
 * java -cp seq2seq4j-examples/target/seq2seq4j-examples.jar io.github.seq2seq4j.examples.api.TranslateExample [MODEL_DIR]
 * </pre>
 */
public final class TranslateExample {
    private TranslateExample() {}

    /**
     * Translates "hello", then "cat", "dog" and "moon" in one batch (greedy decoding), printing
     * each; returns the four translations in that order.
     */
    public static List<String> run(Path modelDir, PrintWriter out) {
        Seq2SeqModel model = Seq2SeqModel.load(modelDir); // config.json, src.vocab, tgt.vocab, weights.safetensors
        out.println("model: " + model.config().cell().configName() + ", " + model.parameterCount() + " parameters");

        String one = model.translate("hello");
        out.println("hello -> " + one);

        List<String> sources = List.of("cat", "dog", "moon");
        List<String> batch = model.translate(sources); // decoded together, returned in input order
        for (int i = 0; i < sources.size(); i++) {
            out.println(sources.get(i) + " -> " + batch.get(i));
        }
        out.flush();
        List<String> all = new ArrayList<>();
        all.add(one);
        all.addAll(batch);
        return all;
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
