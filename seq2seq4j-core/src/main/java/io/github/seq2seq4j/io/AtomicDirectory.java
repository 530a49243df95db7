package io.github.seq2seq4j.io;

import io.github.seq2seq4j.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Replaces a directory as a whole: the new contents are written into a temporary sibling, the old
 * directory is moved aside, the new one moved into place, and the old one deleted. A crash leaves
 * either the old or the new directory complete (plus a leftover {@code .old} that {@link #recover}
 * puts back).
 */
public final class AtomicDirectory {
    private AtomicDirectory() {}

    /** Writes {@code dir} anew: {@code writer} fills a fresh temporary directory. */
    public static void replace(Path dir, Consumer<Path> writer) {
        Path abs = dir.toAbsolutePath();
        Path parent = abs.getParent();
        String name = abs.getFileName().toString();
        Path tmp = parent.resolve("." + name + ".tmp");
        Path old = parent.resolve("." + name + ".old");
        try {
            Files.createDirectories(parent);
            deleteRecursively(tmp);
            Files.createDirectory(tmp);
            writer.accept(tmp);
            recover(abs);
            deleteRecursively(old);
            if (Files.exists(abs)) {
                move(abs, old);
            }
            move(tmp, abs);
            deleteRecursively(old);
        } catch (IOException e) {
            throw new InputException(dir + ": cannot write: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            try {
                deleteRecursively(tmp);
            } catch (IOException ignored) {
                // the original error matters more
            }
            throw e;
        }
    }

    /** If a crash left {@code dir} missing and its {@code .old} copy present, puts the copy back. */
    public static void recover(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath();
        Path old = abs.getParent().resolve("." + abs.getFileName() + ".old");
        if (!Files.exists(abs) && Files.isDirectory(old)) {
            move(old, abs);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Deletes a file or a directory tree; nothing if it does not exist. */
    public static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(q);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
