package io.github.seq2seq4j.cli;

import io.github.seq2seq4j.cli.bench.BenchCommand;
import io.github.seq2seq4j.server.ServeCommand;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code seq2seq4j} command: global options and the subcommands. A new command is a class of
 * its own added to {@code subcommands} below.
 */
@Command(
        name = Main.NAME,
        mixinStandardHelpOptions = true,
        versionProvider = VersionInfo.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "Sequence-to-sequence learning on the JVM: recurrent encoder-decoder models in pure Java.",
        commandListHeading = "%nCommands:%n",
        footerHeading = "%nExit status:%n",
        footer = {
            "  0  success",
            "  1  the command failed (the error line says why)",
            "  2  the command line was wrong",
            "",
            "Run 'seq2seq4j COMMAND --help' for the options of a command."
        })
public final class Main implements Runnable {
    /** The program name, as errors and help show it. */
    public static final String NAME = "seq2seq4j";

    // Inherited, so it may stand before or after the subcommand; ErrorReporter reads it from the parse result.
    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "On error, also print the stack trace.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "no command given");
    }

    /** The configured command line, writing to System.out and System.err (callers may redirect). */
    public static CommandLine commandLine() {
        ErrorReporter errors = new ErrorReporter();
        CommandLine cmd = new CommandLine(new Main())
                .addSubcommand(new DemoCommand())
                .addSubcommand(TrainCommand.commandLine())
                .addSubcommand(new TranslateCommand())
                .addSubcommand(new EvaluateCommand())
                .addSubcommand(new AverageCommand())
                .addSubcommand(new InspectCommand())
                .addSubcommand(new ReportCommand())
                .addSubcommand(new ServeCommand())
                .addSubcommand(new BenchCommand())
                .addSubcommand(new ExampleCommand())
                .addSubcommand(new VersionCommand())
                .addSubcommand(new HelpCommand());
        // set after the subcommands are added: picocli passes handlers down only to existing ones
        return cmd.setParameterExceptionHandler(errors).setExecutionExceptionHandler(errors);
    }

    public static void main(String[] args) {
        CommandLine cmd = commandLine();
        // UTF-8 whatever the locale: translations are rarely ASCII
        cmd.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cmd.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        System.exit(execute(cmd, args));
    }

    /** Runs the command line and returns its exit code; running out of heap is reported like other errors. */
    static int execute(CommandLine cmd, String... args) {
        try {
            return cmd.execute(args);
        } catch (OutOfMemoryError e) { // an Error, so picocli lets it through its handlers
            return ErrorReporter.outOfMemory(e, cmd.getErr(), Arrays.asList(args).contains("--verbose"));
        }
    }
}
