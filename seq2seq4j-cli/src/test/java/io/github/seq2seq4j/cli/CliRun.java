package io.github.seq2seq4j.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;

/** One in-process run of the command line: exit code and what it printed. */
record CliRun(int code, String out, String err) {
    static CliRun of(String... args) {
        return on(Main.commandLine(), args);
    }

    /** Runs {@code cmd} (already configured) with captured output. */
    static CliRun on(CommandLine cmd, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    List<String> errLines() {
        return err.lines().toList();
    }
}
