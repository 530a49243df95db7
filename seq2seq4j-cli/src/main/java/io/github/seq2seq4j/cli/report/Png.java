package io.github.seq2seq4j.cli.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Encodes an image as PNG in memory and writes it atomically. */
final class Png {
    private Png() {}

    static void write(BufferedImage image, Path target) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer in this JVM (javax.imageio)");
        }
        AtomicFiles.write(target, out.toByteArray());
    }
}
