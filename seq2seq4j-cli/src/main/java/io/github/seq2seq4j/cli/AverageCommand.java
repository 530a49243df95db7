package io.github.seq2seq4j.cli;

import io.github.seq2seq4j.Seq2SeqModel;
import io.github.seq2seq4j.io.CheckpointAverage;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code seq2seq4j average}: the mean of several checkpoints' weights, written as one model. */
@Command(
        name = "average",
        header = "Average the weights of checkpoints of one run into one model.",
        description = {
            "Load each model directory (checkpoints of one training run: same configuration and "
                + "vocabularies), take the element-wise mean of their weights and write it as a model "
                + "directory. Averaging the last few checkpoints often scores a little better than any one "
                + "of them; compare on dev with evaluate. The output is written atomically."
        },
        sortOptions = false,
        footerHeading = "%nExample:%n",
        footer = "  seq2seq4j average --out runs/g2p-avg runs/g2p/snapshots/step-0400* runs/g2p/checkpoints/last")
final class AverageCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the averaged model.")
    Path out;

    @Option(names = "--force", description = "Replace --out if it exists.")
    boolean force;

    @Parameters(arity = "1..*", paramLabel = "MODEL_DIR", description = "The checkpoints to average.")
    List<Path> models;

    @Override
    public Integer call() {
        if (Files.exists(out) && !force) {
            throw new ParameterException(spec.commandLine(), out + " exists; give --force to replace it");
        }
        if (models.stream().map(p -> p.toAbsolutePath().normalize()).distinct().count() != models.size()) {
            throw new ParameterException(spec.commandLine(), "a checkpoint is listed twice");
        }
        Seq2SeqModel mean = CheckpointAverage.of(models);
        mean.save(out);
        PrintWriter w = spec.commandLine().getOut();
        w.println("averaged " + models.size() + (models.size() == 1 ? " checkpoint" : " checkpoints") + " into " + out
                + " (" + String.format(java.util.Locale.ROOT, "%,d", mean.parameterCount()) + " parameters)");
        w.flush();
        return 0;
    }
}
