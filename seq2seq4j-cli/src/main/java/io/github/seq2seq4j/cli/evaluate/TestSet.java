package io.github.seq2seq4j.cli.evaluate;

import io.github.seq2seq4j.InputException;
import io.github.seq2seq4j.data.LineReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A test set from a TSV file of {@code source<TAB>target} lines (or two aligned files), grouped by source: a source on
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
        return of(groups, pairs);
    }

    /**
     * A test set from two line-aligned files, sources and targets, grouped by source like a TSV
     * file's lines; pairs with a blank source are skipped. Files of different lengths are an error.
     */
    public static TestSet aligned(Path sources, Path targets) {
        List<String> src = TextLines.read(sources);
        List<String> tgt = TextLines.read(targets);
        if (src.size() != tgt.size()) {
            throw new InputException(sources + " has " + src.size() + " lines but " + targets + " has " + tgt.size()
                    + "; sources and targets must be line-aligned");
        }
        Map<String, List<String>> groups = new LinkedHashMap<>();
        long pairs = 0;
        for (int i = 0; i < src.size(); i++) {
            if (!src.get(i).isBlank()) {
                groups.computeIfAbsent(src.get(i), s -> new ArrayList<>()).add(tgt.get(i));
                pairs++;
            }
        }
        if (groups.isEmpty()) {
            throw InputException.in(sources.toString(), "no sources (every line is blank)");
        }
        return of(groups, pairs);
    }

    private static TestSet of(Map<String, List<String>> groups, long pairs) {
        return new TestSet(List.copyOf(groups.keySet()), groups.values().stream().map(List::copyOf).toList(), pairs);
    }
}
