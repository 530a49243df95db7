package io.github.seq2seq4j.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code seq2seq4j version}: the versions of seq2seq4j and of the Java runtime. */
@Command(
        name = "version",
        header = "Print version information.",
        description = {
            "Print the version of seq2seq4j, the Java runtime running it, whether the",
            "Vector API module (jdk.incubator.vector) is loaded, and the operating system."
        })
final class VersionCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (String line : VersionInfo.lines()) {
            out.println(line);
        }
        out.flush();
        return 0;
    }
}
