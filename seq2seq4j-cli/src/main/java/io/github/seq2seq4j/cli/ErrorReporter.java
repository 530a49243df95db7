package io.github.seq2seq4j.cli;

import io.github.seq2seq4j.InputException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Prints every error as one line, {@code seq2seq4j: error: …}, on standard error, and the stack
 * trace only under {@code --verbose}. A wrong command line exits with 2, a failed command with 1.
 */
final class ErrorReporter implements IParameterExceptionHandler, IExecutionExceptionHandler {
    static final String PREFIX = Main.NAME + ": error: ";

    /** A wrong command line: unknown option, missing or unknown argument. */
    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        String help = cmd.getCommandSpec().qualifiedName() + " --help";
        report(cmd.getErr(), ex, ex.getMessage() + suggestion(ex) + " (see '" + help + "')", Arrays.asList(args).contains("--verbose"));
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** A command that failed: bad input data (InputException) or anything unexpected. */
    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
        boolean verbose = verbose(parsed);
        String message;
        if (ex instanceof InputException) {
            message = ex.getMessage(); // written for the user already
        } else {
            String detail = ex.getMessage() == null ? "" : ": " + ex.getMessage();
            message = ex.getClass().getSimpleName() + detail + (verbose ? "" : " (run with --verbose for the stack trace)");
        }
        report(cmd.getErr(), ex, message, verbose);
        return cmd.getCommandSpec().exitCodeOnExecutionException();
    }

    /**
     * The JVM ran out of heap: one line saying how large the heap may grow and the two ways out,
     * exit code 1. Files are safe: every output is written to a temporary file and renamed.
     */
    static int outOfMemory(OutOfMemoryError e, PrintWriter err, boolean verbose) {
        long maxMb = Runtime.getRuntime().maxMemory() >> 20;
        String what = e.getMessage() == null ? "out of memory" : "out of memory (" + e.getMessage() + ")";
        report(err, e, what + " with a heap limit of " + maxMb + " MB: give the JVM more, e.g."
                + " SEQ2SEQ4J_OPTS=-Xmx" + Math.max(1, 2 * maxMb >> 10) + "g, or use smaller batches"
                + (verbose ? "" : " (run with --verbose for the stack trace)"), verbose);
        return 1;
    }

    private static void report(PrintWriter err, Throwable ex, String message, boolean verbose) {
        err.println(PREFIX + message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip());
        if (verbose) {
            ex.printStackTrace(err);
        }
        err.flush();
    }

    /** "; did you mean 'x'?" for a mistyped command or option. */
    private static String suggestion(ParameterException ex) {
        if (ex instanceof UnmatchedArgumentException u) {
            List<String> s = u.getSuggestions();
            if (!s.isEmpty()) {
                return "; did you mean '" + s.get(0) + "'?";
            }
        }
        return "";
    }

    private static boolean verbose(ParseResult parsed) {
        for (ParseResult r = parsed; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
