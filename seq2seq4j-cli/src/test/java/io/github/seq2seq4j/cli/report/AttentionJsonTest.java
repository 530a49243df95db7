package io.github.seq2seq4j.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttentionJsonTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsBitExactlyWithUnicodeTokens() throws IOException {
        Random rnd = new Random(7);
        List<String> src = List.of("\u2581caf\u00e9", "\u00f1u", "\"q\"", "<b>", "\u2581");
        List<String> out = new ArrayList<>(List.of("a", "\\", "</s>"));
        float[][] w = new float[out.size()][src.size()];
        for (float[] row : w) {
            for (int s = 0; s < row.length; s++) {
                row[s] = rnd.nextFloat() * (rnd.nextBoolean() ? 1e-6f : 1f);
            }
        }
        w[0][0] = Float.MIN_VALUE;
        w[1][1] = 1f;
        AttentionMatrix m = new AttentionMatrix(src, out, w);
        Path file = dir.resolve("sample.json");
        AttentionJson.write(m, file);
        AttentionMatrix back = AttentionJson.read(file);
        assertEquals(m, back);
        for (int t = 0; t < w.length; t++) {
            for (int s = 0; s < w[t].length; s++) {
                assertEquals(Float.floatToIntBits(w[t][s]), Float.floatToIntBits(back.weight(t, s)));
            }
        }
    }

    @Test
    void hasTheDocumentedFieldsDescriptionFirstAndOneWeightRowPerLine() throws IOException {
        AttentionMatrix m = new AttentionMatrix(List.of("h", "i"), List.of("o", "</s>"),
                new float[][] {{0.9f, 0.1f}, {0.25f, 0.75f}});
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("index", 3);
        about.put("source", "hi");
        about.put("score", -0.5);
        String json = AttentionJson.toJson(about, m);
        JsonNode root = new ObjectMapper().readTree(json);
        assertEquals(List.of("index", "source", "score", "source_tokens", "output_tokens", "weights"),
                iterate(root.fieldNames()));
        assertEquals(3, root.get("index").asInt());
        assertEquals("h", root.get("source_tokens").get(0).asText());
        assertEquals("</s>", root.get("output_tokens").get(1).asText());
        assertEquals(0.75, root.get("weights").get(1).get(1).asDouble(), 0);
        assertEquals(0.1, root.get("weights").get(0).get(1).asDouble(), 1e-7);
        assertTrue(json.contains("\n    [0.9,0.1],\n    [0.25,0.75]\n  ]"), json);
        assertEquals(m, AttentionJson.fromJson(json, "m.json"), "the description is ignored on reading");
        assertEquals(3, new ObjectMapper().readTree(AttentionJson.toJson(m)).size(), "the matrix alone");
    }

    @Test
    void aSentenceWithoutWeightsHasEmptyArraysAndDoesNotReadAsAMatrix() throws IOException {
        String json = AttentionJson.toJson(Map.of("source", ""), null);
        JsonNode root = new ObjectMapper().readTree(json);
        for (String field : List.of("source_tokens", "output_tokens", "weights")) {
            assertTrue(root.get(field).isArray() && root.get(field).isEmpty(), field + " in " + json);
        }
        IOException e = assertThrows(IOException.class, () -> AttentionJson.fromJson(json, "e.json"));
        assertTrue(e.getMessage().startsWith("e.json: "), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AttentionJson.toJson(Map.of("weights", 1), null));
    }

    private static List<String> iterate(java.util.Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    @Test
    void badDocumentsNameTheOriginAndProblem() {
        IOException ragged = assertThrows(IOException.class, () -> AttentionJson.fromJson(
                "{\"source_tokens\":[\"a\",\"b\"],\"output_tokens\":[\"x\"],\"weights\":[[1]]}", "x.json"));
        assertTrue(ragged.getMessage().startsWith("x.json: ") && ragged.getMessage().contains("row 0"), ragged.getMessage());
        IOException missing = assertThrows(IOException.class,
                () -> AttentionJson.fromJson("{\"source_tokens\":[\"a\"],\"output_tokens\":[\"x\"]}", "y.json"));
        assertTrue(missing.getMessage().contains("\"weights\""), missing.getMessage());
        IOException notNumber = assertThrows(IOException.class, () -> AttentionJson.fromJson(
                "{\"source_tokens\":[\"a\"],\"output_tokens\":[\"x\"],\"weights\":[[\"1\"]]}", "z.json"));
        assertTrue(notNumber.getMessage().contains("weights[0][0]"), notNumber.getMessage());
    }
}
