package io.github.seq2seq4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.seq2seq4j.InputException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Failures inside a command: one line, exit code 1, stack trace only with --verbose. */
class ErrorReporterTest {
    /** A command that fails the way real commands will: bad input, or a bug. */
    @Command(name = "fail")
    static final class FailCommand implements Runnable {
        @CommandLine.Parameters(defaultValue = "input")
        String kind;

        @Override
        public void run() {
            if (kind.equals("memory")) {
                throw new OutOfMemoryError("Java heap space");
            }
            if (kind.equals("input")) {
                throw InputException.at("data/train.tsv", 12, "expected 2 tab-separated columns, found 3");
            }
            throw new IllegalStateException("something broke\nover two lines");
        }
    }

    private static CliRun run(String... args) {
        CommandLine cmd = Main.commandLine();
        cmd.addSubcommand(new CommandLine(new FailCommand()));
        return CliRun.on(cmd, args);
    }

    @Test
    void inputExceptionIsItsMessageOnOneLine() {
        CliRun r = run("fail", "input");
        assertEquals(1, r.code());
        assertEquals("", r.out());
        assertEquals(List.of("seq2seq4j: error: data/train.tsv:12: expected 2 tab-separated columns, found 3"), r.errLines());
    }

    @Test
    void unexpectedExceptionNamesItsTypeAndPointsToVerbose() {
        CliRun r = run("fail", "bug");
        assertEquals(1, r.code());
        assertEquals(1, r.errLines().size(), r.err());
        assertEquals("seq2seq4j: error: IllegalStateException: something broke over two lines (run with --verbose for the stack trace)",
                r.errLines().get(0));
    }

    @Test
    void verboseAfterTheSubcommandPrintsTheStackTrace() {
        CliRun r = run("fail", "bug", "--verbose");
        assertEquals(1, r.code());
        assertTrue(r.errLines().get(0).startsWith("seq2seq4j: error: IllegalStateException: something broke"), r.err());
        assertTrue(r.err().contains("at io.github.seq2seq4j.cli.ErrorReporterTest$FailCommand.run"), r.err());
    }

    @Test
    void runningOutOfHeapIsOneLineNamingTheLimitAndTheWayOut() {
        CommandLine cmd = Main.commandLine();
        cmd.addSubcommand(new CommandLine(new FailCommand()));
        StringWriter err = new StringWriter();
        cmd.setErr(new PrintWriter(err));
        assertEquals(1, Main.execute(cmd, "fail", "memory"));
        List<String> lines = err.toString().lines().toList();
        assertEquals(1, lines.size(), err.toString());
        long maxMb = Runtime.getRuntime().maxMemory() >> 20;
        assertTrue(lines.get(0).startsWith("seq2seq4j: error: out of memory (Java heap space) with a heap limit of " + maxMb + " MB:"), lines.get(0));
        assertTrue(lines.get(0).contains("SEQ2SEQ4J_OPTS=-Xmx"), lines.get(0));

        StringWriter verbose = new StringWriter();
        cmd.setErr(new PrintWriter(verbose));
        assertEquals(1, Main.execute(cmd, "fail", "memory", "--verbose"));
        assertTrue(verbose.toString().contains("at io.github.seq2seq4j.cli.ErrorReporterTest$FailCommand.run"), verbose.toString());
    }
}
