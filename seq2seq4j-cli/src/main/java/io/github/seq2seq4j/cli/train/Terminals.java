package io.github.seq2seq4j.cli.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether standard error is a terminal, which Java cannot ask directly. */
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
}
