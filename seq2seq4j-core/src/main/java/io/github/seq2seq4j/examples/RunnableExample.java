package io.github.seq2seq4j.examples;

import java.io.PrintWriter;
import java.util.function.Consumer;

/**
 * A demonstration that can be run by name: {@code name} is what the command line accepts,
 * {@code summary} is one line for listings, and {@code body} computes and prints to a writer.
 */
public record RunnableExample(String name, String summary, Consumer<PrintWriter> body) {
    /** Runs the example, printing to {@code out}, and flushes it. */
    public void run(PrintWriter out) {
        body.accept(out);
        out.flush();
    }
}
