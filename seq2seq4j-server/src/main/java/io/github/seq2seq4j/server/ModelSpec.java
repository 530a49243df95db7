package io.github.seq2seq4j.server;

import io.github.seq2seq4j.InputException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * A model to serve, as given on the command line: {@code DIR} (named after the directory) or
 * {@code NAME=DIR}.
 *
 * @param name the name clients use in requests
 * @param dir  the model bundle directory
 */
public record ModelSpec(String name, Path dir) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** Checks the name (1 to 64 letters, digits, '.', '_' or '-') and that there is a directory. */
    public ModelSpec {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InputException("model name '" + name + "' is not allowed: use 1 to 64 letters, digits, '.', '_' or"
                    + " '-', starting with a letter or digit");
        }
        if (dir == null) {
            throw new InputException("model '" + name + "' has no directory");
        }
    }

    /** Parses {@code NAME=DIR} or {@code DIR}. */
    public static ModelSpec parse(String arg) {
        int eq = arg.indexOf('=');
        if (eq > 0 && NAME.matcher(arg.substring(0, eq)).matches()) {
            return new ModelSpec(arg.substring(0, eq), Path.of(arg.substring(eq + 1)));
        }
        Path dir = Path.of(arg);
        Path file = dir.toAbsolutePath().normalize().getFileName();
        if (file == null) {
            throw new InputException("cannot name the model in '" + arg + "' after its directory: use NAME=DIR");
        }
        return new ModelSpec(file.toString(), dir);
    }
}
