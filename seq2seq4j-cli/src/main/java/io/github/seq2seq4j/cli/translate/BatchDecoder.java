package io.github.seq2seq4j.cli.translate;

import io.github.seq2seq4j.Translation;
import java.util.List;

/** How {@link StreamingTranslator} turns a batch of source lines into translations. */
@FunctionalInterface
public interface BatchDecoder {
    /**
     * The translations of each line, best first (at least one per line).
     *
     * @param lines      the batch's source lines
     * @param firstIndex the 0-based input line number of {@code lines.get(0)}
     */
    List<List<Translation>> decode(List<String> lines, long firstIndex);
}
