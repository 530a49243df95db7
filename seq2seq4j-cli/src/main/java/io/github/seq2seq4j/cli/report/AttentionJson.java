package io.github.seq2seq4j.cli.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one JSON format of attention weights, written by {@code translate --attention} and by
 * reports. Optional fields describing the sentence come first, then the matrix:
 * <pre>{@code
 * {
 *   "index": 0,
 *   "source": "hello",
 *   "translation": "hola",
 *   "score": -0.008629799,
 *   "source_tokens": ["h","e","l","l","o"],
 *   "output_tokens": ["h","o","l","a","</s>"],
 *   "weights": [
 *     [0.05155167,0.21470365,0.38405102,0.3479868,0.001706851],
 *     ...
 *   ]
 * }
 * }</pre>
 * {@code weights} is {@code [outputSteps][srcLen]}: row i is output token i's attention on each
 * source token. The descriptive fields ({@code index}, {@code source}, {@code translation},
 * {@code score}, {@code reference}, or any other) are whatever the writer passes; readers ignore
 * them. A sentence without weights (an empty source) has three empty arrays. Weights are written
 * as the shortest decimal that reads back to the same float (one row per line), and read back
 * bit-exactly.
 */
public final class AttentionJson {
    /** The field of the source tokens (the matrix's columns). */
    public static final String SOURCE_TOKENS = "source_tokens";
    /** The field of the output tokens (the matrix's rows). */
    public static final String OUTPUT_TOKENS = "output_tokens";
    /** The field of the weights, {@code [outputSteps][srcLen]}. */
    public static final String WEIGHTS = "weights";

    private static final Set<String> MATRIX_FIELDS = Set.of(SOURCE_TOKENS, OUTPUT_TOKENS, WEIGHTS);
    // decimals as BigDecimal: decimal -> float directly, with no double rounding in between
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private AttentionJson() {}

    /** The JSON text of {@code matrix} alone. */
    public static String toJson(AttentionMatrix matrix) {
        return toJson(Map.of(), matrix);
    }

    /**
     * The JSON text of {@code about}'s fields, in its order (strings, numbers, booleans, lists or
     * nulls), then of {@code matrix}, which may be null for a sentence without weights.
     */
    public static String toJson(Map<String, ?> about, AttentionMatrix matrix) {
        StringBuilder sb = new StringBuilder(256);
        sb.append("{\n");
        for (Map.Entry<String, ?> e : about.entrySet()) {
            if (MATRIX_FIELDS.contains(e.getKey())) {
                throw new IllegalArgumentException("attention JSON: \"" + e.getKey() + "\" is a field of the matrix");
            }
            sb.append("  ").append(value(e.getKey())).append(": ").append(value(e.getValue())).append(",\n");
        }
        List<String> source = matrix == null ? List.of() : matrix.source();
        List<String> output = matrix == null ? List.of() : matrix.output();
        sb.append("  \"").append(SOURCE_TOKENS).append("\": ").append(value(source)).append(",\n");
        sb.append("  \"").append(OUTPUT_TOKENS).append("\": ").append(value(output)).append(",\n");
        sb.append("  \"").append(WEIGHTS).append("\": [");
        int rows = matrix == null ? 0 : matrix.outputSteps();
        for (int t = 0; t < rows; t++) {
            sb.append(t == 0 ? "\n    [" : ",\n    [");
            for (int s = 0; s < matrix.srcLen(); s++) {
                // Float.toString: the shortest decimal that reads back to this float, valid JSON for finite values
                sb.append(s == 0 ? "" : ",").append(Float.toString(matrix.weight(t, s)));
            }
            sb.append(']');
        }
        sb.append(rows == 0 ? "]\n}\n" : "\n  ]\n}\n");
        return sb.toString();
    }

    /** Parses the JSON text of a matrix; {@code origin} names it in error messages. */
    public static AttentionMatrix fromJson(String json, String origin) throws IOException {
        JsonNode root = MAPPER.readTree(json);
        if (root == null || !root.isObject()) {
            throw new IOException(origin + ": expected a JSON object with " + SOURCE_TOKENS + ", " + OUTPUT_TOKENS
                    + " and " + WEIGHTS);
        }
        List<String> source = strings(root, SOURCE_TOKENS, origin);
        List<String> output = strings(root, OUTPUT_TOKENS, origin);
        JsonNode rows = array(root, WEIGHTS, origin);
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
                    throw new IOException(String.format(Locale.ROOT, "%s: weights[%d][%d] is not a number",
                            origin, t, s));
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

    /** Writes {@code matrix} alone to {@code file} atomically. */
    public static void write(AttentionMatrix matrix, Path file) throws IOException {
        write(Map.of(), matrix, file);
    }

    /** Writes {@code about} and {@code matrix} (null: no weights) to {@code file} atomically. */
    public static void write(Map<String, ?> about, AttentionMatrix matrix, Path file) throws IOException {
        AtomicFiles.writeString(file, toJson(about, matrix));
    }

    /** Reads the matrix of a file written by {@link #write}. */
    public static AttentionMatrix read(Path file) throws IOException {
        return fromJson(Files.readString(file), file.toString());
    }

    private static String value(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("attention JSON: cannot write " + value, e);
        }
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
