package io.github.seq2seq4j.cli;

import io.github.seq2seq4j.examples.Examples;
import io.github.seq2seq4j.examples.RunnableExample;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code seq2seq4j example NAME}: runs one of the classic demonstrations of the core. */
@Command(
        name = "example",
        header = "Run a classic small demonstration.",
        description = {
            "Run one of the classic small demonstrations and print its results.",
            "Each is also a class with its own main in io.github.seq2seq4j.examples."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  seq2seq4j example --list",
            "  seq2seq4j example srn",
            "  seq2seq4j example hello-ohlol"
        })
final class ExampleCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "NAME", completionCandidates = ExampleNames.class,
            description = "The example to run: ${COMPLETION-CANDIDATES}.")
    String name;

    @Option(names = {"-l", "--list"}, description = "List the examples, one line each, and exit.")
    boolean list;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (list && name != null) {
            throw new ParameterException(spec.commandLine(), "give an example NAME or --list, not both");
        }
        if (list) {
            for (RunnableExample e : Examples.all()) {
                out.printf(Locale.ROOT, "%-12s %s%n", e.name(), e.summary());
            }
            out.flush();
            return 0;
        }
        if (name == null) {
            throw new ParameterException(spec.commandLine(), "missing example NAME, one of " + Examples.names());
        }
        RunnableExample example = Examples.find(name).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "unknown example '" + name + "'; choose one of " + Examples.names()));
        example.run(out);
        return 0;
    }
}
