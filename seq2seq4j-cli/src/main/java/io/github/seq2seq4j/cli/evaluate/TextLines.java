package io.github.seq2seq4j.cli.evaluate;

import io.github.seq2seq4j.InputException;
import io.github.seq2seq4j.data.LineReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Whole text files for scoring, read strictly (invalid UTF-8 is an error naming file and line). */
public final class TextLines {
    private TextLines() {}

    /** Every line of {@code file}; a file without any line is an error. */
    public static List<String> read(Path file) {
        List<String> lines = new ArrayList<>();
        try (LineReader in = LineReader.open(file)) {
            for (String line; (line = in.readLine()) != null; ) {
                lines.add(line);
            }
        }
        if (lines.isEmpty()) {
            throw InputException.in(file.toString(), "the file is empty");
        }
        return lines;
    }
}
