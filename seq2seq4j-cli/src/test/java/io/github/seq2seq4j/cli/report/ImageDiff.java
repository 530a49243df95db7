package io.github.seq2seq4j.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;

/** Where two pictures of the same size differ: how tests find the cells of a heatmap. */
public final class ImageDiff {
    private ImageDiff() {}

    /** The bounding box of the pixels that differ; fails unless the sizes agree and some pixel differs. */
    public static Rectangle bounds(BufferedImage a, BufferedImage b) {
        assertEquals(a.getWidth(), b.getWidth(), "width");
        assertEquals(a.getHeight(), b.getHeight(), "height");
        Rectangle r = null;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    r = r == null ? new Rectangle(x, y, 1, 1) : r.union(new Rectangle(x, y, 1, 1));
                }
            }
        }
        assertNotNull(r, "the pictures differ");
        return r;
    }
}
