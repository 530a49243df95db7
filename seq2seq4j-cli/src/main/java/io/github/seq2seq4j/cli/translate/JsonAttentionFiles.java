package io.github.seq2seq4j.cli.translate;

import io.github.seq2seq4j.InputException;
import io.github.seq2seq4j.Translation;
import io.github.seq2seq4j.io.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@code DIR/NNNNN.json} for source line NNNNN (0-based, at least five digits):
 * <pre>{@code
 * {"index": 0, "source": "hello", "translation": "hola", "score": -0.012345,
 *  "source_tokens": ["h", "e", "l", "l", "o"],
 *  "output_tokens": ["h", "o", "l", "a", "</s>"],
 *  "weights": [[0.9, 0.05, ...], ...]}
 * }</pre>
 * {@code weights[i][j]} is the attention of output step i on source token j: one row per output
 * token ({@code </s>} included when it was produced), one column per source token, each row summing
 * to 1. An empty source, or a model without attention, has no rows. Each file is written to a
 * temporary name and renamed, so a reader never sees half a file.
 */
public final class JsonAttentionFiles implements AttentionSink {
    private final Path dir;

    public JsonAttentionFiles(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new InputException(dir + ": cannot create the attention directory: " + e.getMessage(), e);
        }
    }

    /** The file name of line {@code index}: 00000.json, 00001.json, ... */
    public static String fileName(long index) {
        return String.format(Locale.ROOT, "%05d.json", index);
    }

    /** One key per line and one weight row per line: readable, and a fraction of writePretty's lines. */
    private static String render(Map<String, Object> m) {
        StringBuilder sb = new StringBuilder("{\n");
        int i = 0;
        for (Map.Entry<String, Object> e : m.entrySet()) {
            sb.append("  ").append(Json.write(e.getKey())).append(": ");
            if (e.getKey().equals("weights") && !((List<?>) e.getValue()).isEmpty()) {
                List<?> rows = (List<?>) e.getValue();
                sb.append("[\n");
                for (int r = 0; r < rows.size(); r++) {
                    sb.append("    ").append(Json.write(rows.get(r))).append(r + 1 < rows.size() ? ",\n" : "\n");
                }
                sb.append("  ]");
            } else {
                sb.append(Json.write(e.getValue()));
            }
            sb.append(++i < m.size() ? ",\n" : "\n");
        }
        return sb.append("}\n").toString();
    }

    @Override
    public void accept(long index, String source, Translation best) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", index);
        m.put("source", source);
        m.put("translation", best.text());
        m.put("score", best.score());
        m.put("source_tokens", best.sourceTokens());
        List<String> out = new ArrayList<>(best.tokens());
        if (best.finished()) {
            out.add("</s>");
        }
        List<List<Double>> rows = new ArrayList<>();
        if (best.attention() != null) {
            for (float[] row : best.attention()) {
                List<Double> r = new ArrayList<>(row.length);
                for (float w : row) {
                    r.add(Double.parseDouble(Float.toString(w))); // the float's short decimal, not 17 digits
                }
                rows.add(r);
            }
        } else if (best.sourceTokens().isEmpty()) {
            out.clear(); // nothing was decoded
        }
        m.put("output_tokens", out);
        m.put("weights", rows);
        Path file = dir.resolve(fileName(index));
        Path tmp = dir.resolve("." + fileName(index) + ".tmp");
        try {
            Files.writeString(tmp, render(m), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new InputException(file + ": cannot write: " + e.getMessage(), e);
        }
    }
}
