package io.github.seq2seq4j.cli.evaluate;

import io.github.seq2seq4j.InputException;
import io.github.seq2seq4j.data.LineReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A test set from a TSV file of {@code source<TAB>target} lines, grouped by source: a source on
 * several lines is one item whose targets are alternative references (CMUdict's alternative
 * pronunciations), so scores count distinct sources, not lines. Blank lines are skipped; a line
 * without exactly one TAB is an error naming file and line.
 *
 * @param sources    distinct sources in order of first appearance
 * @param references the references of each source
 * @param lines      the pairs read
 */
public record TestSet(List<String> sources, List<List<String>> references, long lines) {
    public static TestSet read(Path tsv) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        long pairs = 0;
        try (LineReader in = LineReader.open(tsv)) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isBlank()) {
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab < 0 || line.indexOf('\t', tab + 1) >= 0) {
                    throw InputException.at(in.name(), in.lineNumber(), "expected source<TAB>target, found "
                            + (tab < 0 ? "no TAB" : "more than one TAB"));
                }
                groups.computeIfAbsent(line.substring(0, tab), s -> new ArrayList<>()).add(line.substring(tab + 1));
                pairs++;
            }
        }
        if (groups.isEmpty()) {
            throw InputException.in(tsv.toString(), "no source<TAB>target pairs (the file is empty)");
        }
        return new TestSet(List.copyOf(groups.keySet()), List.copyOf(groups.values()), pairs);
    }
}
