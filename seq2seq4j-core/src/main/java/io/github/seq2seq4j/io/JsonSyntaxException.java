package io.github.seq2seq4j.io;

import io.github.seq2seq4j.InputException;

/** Malformed JSON text; carries the 1-based line and column (in UTF-16 chars) of the problem. */
public final class JsonSyntaxException extends InputException {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;
    private final String detail;

    JsonSyntaxException(int line, int column, String detail) {
        super("line " + line + ", column " + column + ": " + detail);
        this.line = line;
        this.column = column;
        this.detail = detail;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The problem without its position. */
    public String detail() {
        return detail;
    }
}
