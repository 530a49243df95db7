package io.github.seq2seq4j.examples.api;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** The committed model (tests run in the module's directory) and a writer whose text tests read. */
final class ExamplesTestSupport {
    static final Path MODEL = Path.of("model");

    private ExamplesTestSupport() {}

    /** A PrintWriter collecting what an example prints. */
    static final class Output {
        final StringWriter text = new StringWriter();
        final PrintWriter writer = new PrintWriter(text, true);

        @Override
        public String toString() {
            writer.flush();
            return text.toString();
        }
    }
}
