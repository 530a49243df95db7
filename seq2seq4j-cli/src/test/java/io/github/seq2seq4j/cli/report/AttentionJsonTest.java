package io.github.seq2seq4j.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    void hasTheDocumentedFields() throws IOException {
        AttentionMatrix m = new AttentionMatrix(List.of("h", "i"), List.of("o", "</s>"),
                new float[][] {{0.9f, 0.1f}, {0.25f, 0.75f}});
        JsonNode root = new ObjectMapper().readTree(AttentionJson.toJson(m));
        assertEquals("h", root.get("source").get(0).asText());
        assertEquals("</s>", root.get("output").get(1).asText());
        assertEquals(0.75, root.get("weights").get(1).get(1).asDouble(), 0);
        assertEquals(0.1, root.get("weights").get(0).get(1).asDouble(), 1e-7);
        assertEquals(3, root.size());
    }

    @Test
    void badDocumentsNameTheOriginAndProblem() {
        IOException ragged = assertThrows(IOException.class, () -> AttentionJson.fromJson(
                "{\"source\":[\"a\",\"b\"],\"output\":[\"x\"],\"weights\":[[1]]}", "x.json"));
        assertTrue(ragged.getMessage().startsWith("x.json: ") && ragged.getMessage().contains("row 0"), ragged.getMessage());
        IOException missing = assertThrows(IOException.class,
                () -> AttentionJson.fromJson("{\"source\":[\"a\"],\"output\":[\"x\"]}", "y.json"));
        assertTrue(missing.getMessage().contains("\"weights\""), missing.getMessage());
        IOException notNumber = assertThrows(IOException.class, () -> AttentionJson.fromJson(
                "{\"source\":[\"a\"],\"output\":[\"x\"],\"weights\":[[\"1\"]]}", "z.json"));
        assertTrue(notNumber.getMessage().contains("weights[0][0]"), notNumber.getMessage());
    }
}
