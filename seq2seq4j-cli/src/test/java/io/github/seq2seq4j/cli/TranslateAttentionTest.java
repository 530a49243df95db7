package io.github.seq2seq4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.seq2seq4j.cli.report.AttentionHeatmap;
import io.github.seq2seq4j.cli.report.AttentionJson;
import io.github.seq2seq4j.cli.report.AttentionMatrix;
import io.github.seq2seq4j.cli.report.ImageDiff;
import io.github.seq2seq4j.io.Json;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code translate --attention DIR}: a JSON file and a heatmap per line, from a model trained in
 * Java to reverse strings (so its translations end with {@code </s>}).
 */
class TranslateAttentionTest {
    static final Path REVERSER = ReferenceModels.ROOT.getParent().resolve("java").resolve("gru-bahdanau");

    @TempDir
    Path tmp;

    @Test
    void eachLineGetsJsonAndPngAndEmptyLinesOnlyJson() throws IOException {
        Path attn = translate("abc\n\nfedcba\n", List.of("cba", "", "abcdef"));
        try (var files = Files.list(attn)) {
            assertEquals(List.of("00000.json", "00000.png", "00001.json", "00002.json", "00002.png"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "an empty line has nothing to draw");
        }
        Map<?, ?> j = (Map<?, ?>) Json.read(attn.resolve("00002.json"));
        assertEquals(2L, ((Number) j.get("index")).longValue());
        assertEquals("fedcba", j.get("source"));
        assertEquals("abcdef", j.get("translation"));
        assertEquals(List.of("f", "e", "d", "c", "b", "a"), j.get("source_tokens"));
        assertEquals(List.of("a", "b", "c", "d", "e", "f", "</s>"), j.get("output_tokens"),
                "one row per output step, </s> included");
        AttentionMatrix m = AttentionJson.read(attn.resolve("00002.json"));
        assertEquals(7, m.outputSteps());
        assertEquals(6, m.srcLen());
        for (int t = 0; t < m.outputSteps(); t++) {
            double sum = 0;
            for (int s = 0; s < m.srcLen(); s++) {
                sum += m.weight(t, s);
            }
            assertEquals(1.0, sum, 1e-5, "row " + t);
        }
    }

    @Test
    void heatmapHasSourceAcrossOutputDownAndEndOfSentenceAsTheBottomRow() throws IOException {
        Path attn = translate("fedcba\n", List.of("abcdef"));
        AttentionMatrix m = AttentionJson.read(attn.resolve("00000.json"));
        BufferedImage png = ImageIO.read(attn.resolve("00000.png").toFile());
        assertNotNull(png, "ImageIO reads the PNG");
        String title = "fedcba \u2192 abcdef";
        BufferedImage same = AttentionHeatmap.render(m, title);
        assertEquals(same.getWidth(), png.getWidth());
        assertEquals(same.getHeight(), png.getHeight());
        assertTrue(png.getWidth() >= 6 * 20 && png.getHeight() >= 7 * 20, png.getWidth() + "x" + png.getHeight());

        int rows = m.outputSteps();
        int cols = m.srcLen();
        // change some cells' weights and redraw: the pixels that differ from translate's picture are those cells
        Rectangle all = ImageDiff.bounds(png, AttentionHeatmap.render(flipped(m, -1, -1), title));
        Rectangle lastRow = ImageDiff.bounds(png, AttentionHeatmap.render(flipped(m, rows - 1, -1), title));
        Rectangle firstColumn = ImageDiff.bounds(png, AttentionHeatmap.render(flipped(m, -1, 0), title));
        int cellHeight = all.height / rows;
        int cellWidth = all.width / cols;
        assertTrue(Math.abs(lastRow.width - all.width) <= 2, "the </s> row spans every source column: " + lastRow);
        assertTrue(Math.abs(lastRow.height - cellHeight) <= 2, "one row high: " + lastRow + " in " + all);
        assertTrue(Math.abs(lastRow.y + lastRow.height - (all.y + all.height)) <= 2, "</s> is the bottom row");
        assertTrue(Math.abs(firstColumn.height - all.height) <= 2, "a source token's column spans every output row");
        assertTrue(Math.abs(firstColumn.width - cellWidth) <= 2, "one column wide: " + firstColumn + " in " + all);
        assertTrue(Math.abs(firstColumn.x - all.x) <= 2, "the first source token is the left column");
    }

    @Test
    void aModelWithoutAttentionIsAClearError() {
        CliRun r = TranslateCommandTest.translate("abc\n", "--model", ReferenceModels.dir("gru-none-bi").toString(),
                "--attention", tmp.resolve("attn").toString());
        assertEquals(1, r.code());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("has no attention"), r.err());
        assertFalse(Files.exists(tmp.resolve("attn")), "nothing written");
    }

    /** Translates {@code stdin} with --attention, checks the output lines; returns the attention directory. */
    private Path translate(String stdin, List<String> expected) {
        Path attn = tmp.resolve("attn");
        CliRun r = TranslateCommandTest.translate(stdin, "--model", REVERSER.toString(), "--attention", attn.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(expected, r.out().lines().toList());
        return attn;
    }

    /**
     * {@code m} with the weights of row {@code row} (every row if -1) and column {@code col} (every
     * column if -1) moved to the far end of the colour scale.
     */
    private static AttentionMatrix flipped(AttentionMatrix m, int row, int col) {
        float[][] w = m.weights();
        for (int t = 0; t < w.length; t++) {
            for (int s = 0; s < w[t].length; s++) {
                if ((row < 0 || row == t) && (col < 0 || col == s)) {
                    w[t][s] = w[t][s] < 0.5f ? 1f : 0f;
                }
            }
        }
        return new AttentionMatrix(m.source(), m.output(), w);
    }
}
