package io.github.seq2seq4j.cli;

import io.github.seq2seq4j.Seq2SeqModel;
import io.github.seq2seq4j.io.Json;
import io.github.seq2seq4j.io.ModelBundle;
import io.github.seq2seq4j.tensor.Tensor;
import io.github.seq2seq4j.train.Checkpoints;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code seq2seq4j inspect}: what a model directory holds. */
@Command(
        name = "inspect",
        header = "Show a model's configuration, sizes and parameters.",
        description = {
            "Print a model directory's configuration (config.json), tokenizer, vocabulary sizes and "
                + "parameter count, then every parameter with its shape, named as in the PyTorch reference's "
                + "state_dict. For a training output directory, also the steps of its checkpoints."
        },
        footerHeading = "%nExample:%n",
        footer = "  seq2seq4j inspect --model runs/words-en-es-tiny")
final class InspectCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "The model directory.")
    Path model;

    @Override
    public Integer call() {
        Seq2SeqModel m = Seq2SeqModel.open(model.toString());
        PrintWriter out = spec.commandLine().getOut();
        row(out, "model", model.toString());
        ModelBundle.configJson(m.config()).forEach((key, value) -> row(out, key, String.valueOf(value)
                + (key.equals("attention_size") && m.config().attentionSize() == 0 ? " (= hidden_size)" : "")));
        if (m.bpe() != null) {
            row(out, "bpe merges", count(m.bpe().merges().size()));
        }
        row(out, "source vocabulary", count(m.sourceVocabulary().size()) + " tokens");
        row(out, "target vocabulary", count(m.targetVocabulary().size()) + " tokens");
        row(out, "parameters", count(m.parameterCount()));
        for (String name : new String[] {"last", "best"}) {
            Path trainer = model.resolve("checkpoints").resolve(name).resolve(Checkpoints.TRAINER);
            if (Files.isRegularFile(trainer)) {
                Object step = ((Map<?, ?>) Json.read(trainer)).get("step");
                row(out, "checkpoints/" + name, "step " + step);
            }
        }
        out.println();
        // the weights file's tensors, which include output.weight when it is tied to tgt_embed.weight
        Map<String, Tensor> params = m.network().stateDict();
        int width = params.keySet().stream().mapToInt(String::length).max().orElse(10) + 2;
        out.printf(Locale.ROOT, "%-" + width + "s%-14s%s%n", "parameter", "shape", "count");
        params.forEach((name, t) -> out.printf(Locale.ROOT, "%-" + width + "s%-14s%s%n", name,
                Arrays.stream(t.shape()).mapToObj(Integer::toString).collect(Collectors.joining(", ", "[", "]")),
                count(t.size()) + (m.config().tieOutput() && name.equals("output.weight") ? " (the same tensor as tgt_embed.weight)" : "")));
        out.flush();
        return 0;
    }

    private static void row(PrintWriter out, String key, String value) {
        out.printf(Locale.ROOT, "%-19s %s%n", key, value);
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
