package io.github.seq2seq4j.cli.translate;

import io.github.seq2seq4j.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The directory {@code translate --attention DIR} writes into: files {@code NNNNN.json},
 * {@code NNNNN.png} for input line NNNNN (0-based, at least five digits).
 *
 * @param dir the directory
 */
public record AttentionDirectory(Path dir) {
    /** The directory {@code dir}, created if missing. */
    public static AttentionDirectory create(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new InputException(dir + ": cannot create the attention directory: " + e.getMessage(), e);
        }
        return new AttentionDirectory(dir);
    }

    /** The name of line {@code index}'s file with {@code extension}: 00000.json, 00001.png, ..., 123456.json. */
    public static String fileName(long index, String extension) {
        return String.format(Locale.ROOT, "%05d.%s", index, extension);
    }

    /** The path of line {@code index}'s file with {@code extension}. */
    public Path file(long index, String extension) {
        return dir.resolve(fileName(index, extension));
    }
}
