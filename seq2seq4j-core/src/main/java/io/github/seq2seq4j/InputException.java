package io.github.seq2seq4j;

/**
 * Bad input from a user: a malformed file, a config that does not fit, a value out of range.
 * The message is one line a person can act on, naming the file and line where there is one;
 * front ends print it without a stack trace.
 */
public class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An error whose message is shown to the user as it is. */
    public InputException(String message) {
        super(message);
    }

    /** An error shown as {@code message}, caused by {@code cause} (shown with --verbose). */
    public InputException(String message, Throwable cause) {
        super(message, cause);
    }

    /** "FILE:LINE: message" — the conventional compiler-style location prefix. */
    public static InputException at(String file, long line, String message) {
        return new InputException(file + ":" + line + ": " + message);
    }

    /** "FILE: message". */
    public static InputException in(String file, String message) {
        return new InputException(file + ": " + message);
    }
}
