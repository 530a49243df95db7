package io.github.seq2seq4j.cli.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads and writes an {@link AttentionMatrix} as JSON:
 * <pre>{@code {"source": ["h", "e"], "output": ["o", "</s>"], "weights": [[0.9, 0.1], [0.2, 0.8]]}}</pre>
 * {@code weights} is {@code [outputSteps][srcLen]}. Weights are written as the shortest decimal that
 * reads back to the same float, and read back bit-exactly.
 */
public final class AttentionJson {
    // decimals as BigDecimal: decimal -> float directly, with no double rounding in between
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private AttentionJson() {}

    /** The JSON text of {@code matrix}. */
    public static String toJson(AttentionMatrix matrix) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode source = root.putArray("source");
        matrix.source().forEach(source::add);
        ArrayNode output = root.putArray("output");
        matrix.output().forEach(output::add);
        ArrayNode weights = root.putArray("weights");
        for (int t = 0; t < matrix.outputSteps(); t++) {
            ArrayNode row = weights.addArray();
            for (int s = 0; s < matrix.srcLen(); s++) {
                row.add(matrix.weight(t, s));
            }
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a JSON tree built in memory", e);
        }
    }

    /** Parses the JSON text of a matrix; {@code origin} names it in error messages. */
    public static AttentionMatrix fromJson(String json, String origin) throws IOException {
        JsonNode root = MAPPER.readTree(json);
        if (root == null || !root.isObject()) {
            throw new IOException(origin + ": expected a JSON object with source, output and weights");
        }
        List<String> source = strings(root, "source", origin);
        List<String> output = strings(root, "output", origin);
        JsonNode rows = array(root, "weights", origin);
        float[][] weights = new float[rows.size()][];
        for (int t = 0; t < rows.size(); t++) {
            JsonNode row = rows.get(t);
            if (!row.isArray()) {
                throw new IOException(String.format(Locale.ROOT, "%s: weights[%d] is not an array", origin, t));
            }
            weights[t] = new float[row.size()];
            for (int s = 0; s < row.size(); s++) {
                JsonNode w = row.get(s);
                if (!w.isNumber()) {
                    throw new IOException(String.format(Locale.ROOT, "%s: weights[%d][%d] is not a number", origin, t, s));
                }
                weights[t][s] = Float.parseFloat(w.decimalValue().toString());
            }
        }
        try {
            return new AttentionMatrix(source, output, weights);
        } catch (IllegalArgumentException e) {
            throw new IOException(origin + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code matrix} to {@code file} atomically. */
    public static void write(AttentionMatrix matrix, Path file) throws IOException {
        AtomicFiles.writeString(file, toJson(matrix));
    }

    /** Reads a matrix written by {@link #write}. */
    public static AttentionMatrix read(Path file) throws IOException {
        return fromJson(Files.readString(file), file.toString());
    }

    private static JsonNode array(JsonNode root, String field, String origin) throws IOException {
        JsonNode node = root.get(field);
        if (node == null || !node.isArray()) {
            throw new IOException(origin + ": \"" + field + "\" is missing or not an array");
        }
        return node;
    }

    private static List<String> strings(JsonNode root, String field, String origin) throws IOException {
        JsonNode node = array(root, field, origin);
        List<String> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual()) {
                throw new IOException(String.format(Locale.ROOT, "%s: %s[%d] is not a string", origin, field, i));
            }
            out.add(node.get(i).textValue());
        }
        return out;
    }
}
