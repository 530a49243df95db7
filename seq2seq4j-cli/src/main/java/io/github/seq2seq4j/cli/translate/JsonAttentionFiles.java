package io.github.seq2seq4j.cli.translate;

import io.github.seq2seq4j.InputException;
import io.github.seq2seq4j.Translation;
import io.github.seq2seq4j.cli.report.AttentionJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes {@code DIR/NNNNN.json} for source line NNNNN (0-based, at least five digits) in the
 * format of {@link AttentionJson}, described by the line's {@code index}, {@code source},
 * {@code translation} and {@code score}:
 * <pre>{@code
 * {"index": 0, "source": "hello", "translation": "hola", "score": -0.012345,
 *  "source_tokens": ["h", "e", "l", "l", "o"],
 *  "output_tokens": ["h", "o", "l", "a", "</s>"],
 *  "weights": [[0.9, 0.05, ...], ...]}
 * }</pre>
 * {@code weights[i][j]} is the attention of output step i on source token j: one row per output
 * token ({@code </s>} included when it was produced), one column per source token, each row summing
 * to 1. An empty source has empty arrays. Each file is written to a temporary name and renamed,
 * so a reader never sees half a file.
 */
public final class JsonAttentionFiles implements AttentionSink {
    private final AttentionDirectory dir;

    /** Writes into {@code dir}, created if missing. */
    public JsonAttentionFiles(Path dir) {
        this.dir = AttentionDirectory.create(dir);
    }

    /** The file name of line {@code index}: 00000.json, 00001.json, ... */
    public static String fileName(long index) {
        return AttentionDirectory.fileName(index, "json");
    }

    @Override
    public void accept(long index, String source, Translation best) {
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("index", index);
        about.put("source", source);
        about.put("translation", best.text());
        about.put("score", best.score());
        Path file = dir.file(index, "json");
        try {
            AttentionJson.write(about, TranslationAttention.matrix(best), file);
        } catch (IOException e) {
            throw new InputException(file + ": cannot write: " + e.getMessage(), e);
        }
    }
}
