package io.github.seq2seq4j.cli.train;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Whether standard error is a terminal, and how wide it is, which Java cannot ask directly. The
 * width is found without the progress bar library's own terminal support (JLine), which would take
 * over Ctrl-C and end the JVM without running its shutdown hooks, losing the last checkpoint.
 */
public final class Terminals {
    /** Set by the launcher, whose filter puts a pipe between the JVM and the terminal: "1" or "0". */
    public static final String ENV = "SEQ2SEQ4J_STDERR_TTY";

    private Terminals() {}

    /** True if a progress bar on standard error would reach a person's terminal. */
    public static boolean stderrIsTerminal() {
        String env = System.getenv(ENV);
        if (env != null) {
            return env.equals("1");
        }
        try {
            // Linux: file descriptor 2 links to the terminal device (/dev/pts/N) when it is one
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false; // not Linux, or not allowed to look: no bar, the safe choice
        }
    }

    /** The terminal's width in columns: $COLUMNS, else {@code stty size} on the controlling terminal, else 100. */
    public static int columns() {
        try {
            int c = Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "").strip());
            if (c > 0) {
                return c;
            }
        } catch (NumberFormatException e) {
            // not exported (bash does not by default): ask the terminal
        }
        try {
            Process p = new ProcessBuilder("stty", "size").redirectInput(new File("/dev/tty"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (p.waitFor(2, TimeUnit.SECONDS) && p.exitValue() == 0) {
                String[] rowsCols = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip().split("\\s+");
                int c = Integer.parseInt(rowsCols[rowsCols.length - 1]);
                if (c > 0) {
                    return c;
                }
            }
            p.destroy();
        } catch (IOException | NumberFormatException | InterruptedException e) {
            // no controlling terminal or no stty: a common width will do
        }
        return 100;
    }
}
