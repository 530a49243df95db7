package io.github.seq2seq4j.cli;

import io.github.seq2seq4j.InputException;
import io.github.seq2seq4j.cli.runreport.TrainingReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code seq2seq4j report}: the HTML report of a training run or a model, DIR/report/index.html. */
@Command(
        name = "report",
        header = "Write the HTML report of a training run or a model.",
        description = {
            "Write DIR/report/index.html (and its pictures beside it): the configuration (run.yaml, or "
                + "the model's config.json), the best checkpoint's scores, the training curves of "
                + "metrics.csv, and sample translations of the first dev sentences by the model in DIR "
                + "(source, hypothesis, reference) with their attention heatmaps. train writes the same "
                + "report when it ends.",
            "",
            "A plain model directory gets a page with its configuration, and samples with --test. "
                + "What is missing is said on the page and on standard error; the page's path is printed."
        },
        sortOptions = false,
        footerHeading = "%nExamples:%n",
        footer = {
            "  seq2seq4j report --model runs/words-en-es-tiny",
            "  seq2seq4j report --model runs/g2p --test data/cmudict/test.tsv --samples 20"
        })
final class ReportCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR",
            description = "A train output directory, or a model directory.")
    Path model;

    @Option(names = "--test", paramLabel = "FILE", description = "Take the samples from this source<TAB>target file "
            + "instead of the run's dev set.")
    Path test;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "" + TrainingReport.DEFAULT_SAMPLES,
            description = "Sample translations to show (the first 4 with heatmaps). Default: ${DEFAULT-VALUE}.")
    int samples;

    @Override
    public Integer call() {
        if (samples < 0) {
            throw new ParameterException(spec.commandLine(), "--samples must be >= 0, got " + samples);
        }
        PrintWriter err = spec.commandLine().getErr();
        Path index;
        try {
            index = TrainingReport.write(model, test, samples, note -> err.println("note: " + note));
        } catch (IOException e) {
            throw new InputException("cannot write the report of " + model + ": " + e.getMessage(), e);
        }
        err.flush();
        PrintWriter out = spec.commandLine().getOut();
        out.println(index);
        out.flush();
        return 0;
    }
}
