package io.github.seq2seq4j.cli.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Encodes an image as PNG in memory and writes it atomically. ImageIO's disk cache is turned off:
 * the image is small, and the cache registers a shutdown hook, which fails while the JVM is
 * shutting down (a training run writes its report after Ctrl-C, from the shutdown's wait).
 */
final class Png {
    static {
        ImageIO.setUseCache(false);
    }

    private Png() {}

    static void write(BufferedImage image, Path target) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer in this JVM (javax.imageio)");
        }
        AtomicFiles.write(target, out.toByteArray());
    }
}
