package io.github.seq2seq4j.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttentionHeatmapTest {
    @TempDir
    Path dir;

    @Test
    void cellsOfWeightOneAndZeroGetTheEndsOfTheScaleInReadingOrder() {
        List<String> src = List.of("a", "b");
        List<String> out = List.of("x", "y");
        BufferedImage diagonal = AttentionHeatmap.render(
                new AttentionMatrix(src, out, new float[][] {{1, 0}, {0, 1}}), "t");
        BufferedImage anti = AttentionHeatmap.render(
                new AttentionMatrix(src, out, new float[][] {{0, 1}, {1, 0}}), "t");
        // same labels, same layout: the pixels that differ are exactly the cells
        Rectangle cells = ImageDiff.bounds(diagonal, anti);
        assertTrue(cells.width > 40 && cells.height > 40, "cells found: " + cells);
        int left = cells.x + cells.width / 4;
        int right = cells.x + 3 * cells.width / 4;
        int top = cells.y + cells.height / 4;
        int bottom = cells.y + 3 * cells.height / 4;
        int one = Viridis.stops()[Viridis.stops().length - 1].getRGB() & 0xFFFFFF;
        int zero = Viridis.stops()[0].getRGB() & 0xFFFFFF;
        assertNotEquals(one, zero);
        // output 0 ("x") is the top row, source 0 ("a") the left column
        assertEquals(one, rgb(diagonal, left, top), "weight 1 at (x, a), top left");
        assertEquals(zero, rgb(diagonal, right, top), "weight 0 at (x, b), top right");
        assertEquals(zero, rgb(diagonal, left, bottom), "weight 0 at (y, a), bottom left");
        assertEquals(one, rgb(diagonal, right, bottom), "weight 1 at (y, b), bottom right");
    }

    @Test
    void writesReadablePngsOfSensibleSizeFrom3x3To30x30() throws IOException {
        Path small = dir.resolve("small.png");
        AttentionHeatmap.write(matrix(3, 3, "t"), "3 x 3", small);
        BufferedImage s = ImageIO.read(small.toFile());
        assertNotNull(s, "ImageIO reads the PNG back");
        assertTrue(s.getWidth() >= 400 && s.getWidth() <= 700 && s.getHeight() >= 250 && s.getHeight() <= 600,
                s.getWidth() + "x" + s.getHeight());

        Path large = dir.resolve("large.png");
        AttentionHeatmap.write(matrix(30, 30, "\u2581tok"), "30 x 30", large);
        BufferedImage l = ImageIO.read(large.toFile());
        assertNotNull(l);
        assertTrue(l.getWidth() >= 30 * 20 && l.getWidth() <= 1400 && l.getHeight() >= 30 * 20 && l.getHeight() <= 1400,
                l.getWidth() + "x" + l.getHeight());
        assertTrue(Files.size(large) > 5_000);
    }

    @Test
    void longSourceTokensTurnVerticalAndAreCut() {
        BufferedImage shortLabels = AttentionHeatmap.render(matrix(4, 6, "s"), "t");
        BufferedImage longLabels = AttentionHeatmap.render(matrix(4, 6, "\u2581internationalisation"), "t");
        assertTrue(longLabels.getHeight() > shortLabels.getHeight() + 60,
                "vertical labels need room below the plot: " + shortLabels.getHeight() + " vs " + longLabels.getHeight());
        String cut = AttentionHeatmap.shorten(List.of("x".repeat(40))).get(0);
        assertEquals(24, cut.codePointCount(0, cut.length()));
        assertTrue(cut.endsWith("\u2026"));
        assertEquals(List.of("\u2581ab"), AttentionHeatmap.shorten(List.of("\u2581ab")));
    }

    @Test
    void chosenFontShowsTheCharTokenizersSpaceAndAccents() {
        List<String> labels = List.of("\u2581", "caf\u00e9", "ni\u00f1o", "</s>");
        String family = ChartFonts.familyFor(labels);
        assertTrue(ChartFonts.canDisplayAll(new Font(family, Font.PLAIN, 12), labels),
                family + " cannot show " + labels + " (on Debian: apt-get install fonts-dejavu-core)");
    }

    private static AttentionMatrix matrix(int rows, int cols, String prefix) {
        List<String> src = new ArrayList<>();
        List<String> out = new ArrayList<>();
        for (int s = 0; s < cols; s++) {
            src.add(prefix + s);
        }
        for (int t = 0; t < rows; t++) {
            out.add(t == rows - 1 ? "</s>" : "o" + t);
        }
        float[][] w = new float[rows][cols];
        for (int t = 0; t < rows; t++) {
            double sum = 0;
            for (int s = 0; s < cols; s++) {
                w[t][s] = (float) Math.exp(-Math.abs(s - t * (cols - 1.0) / Math.max(1, rows - 1)));
                sum += w[t][s];
            }
            for (int s = 0; s < cols; s++) {
                w[t][s] /= (float) sum;
            }
        }
        return new AttentionMatrix(src, out, w);
    }

    private static int rgb(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) & 0xFFFFFF;
    }
}
