package io.github.seq2seq4j.cli.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesCreatesParentsAndReplaces() throws IOException {
        Path file = dir.resolve("a/b/out.txt");
        AtomicFiles.writeString(file, "first é");
        assertEquals("first é", Files.readString(file));
        AtomicFiles.writeString(file, "second");
        assertEquals("second", Files.readString(file));
        assertEquals(List.of(file), listAll(dir.resolve("a/b")), "no temporary file is left behind");
    }

    @Test
    void theFileGetsTheUmasksPermissionsLikeAnyNewFile() throws IOException {
        Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x"); // what the umask gives a new file
        Path atomic = dir.resolve("atomic.txt");
        AtomicFiles.writeString(atomic, "x");
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(plain);
        assertEquals(expected, Files.getPosixFilePermissions(atomic));
        AtomicFiles.writeString(atomic, "replaced"); // and again when it replaces a file
        assertEquals(expected, Files.getPosixFilePermissions(atomic));
    }

    @Test
    void failedReplaceKeepsTheTargetAndCleansUp() throws IOException {
        // a non-empty directory cannot be replaced by a file: the move fails after the bytes were written
        Path target = dir.resolve("busy");
        Files.createDirectories(target);
        Files.writeString(target.resolve("inside.txt"), "keep");
        assertThrows(IOException.class, () -> AtomicFiles.writeString(target, "new"));
        assertEquals("keep", Files.readString(target.resolve("inside.txt")));
        assertEquals(List.of(target), listAll(dir), "the temporary file is deleted after a failure");
    }

    @Test
    void readersNeverSeeAPartialFile() throws Exception {
        Path file = dir.resolve("big.bin");
        byte[] a = new byte[256 * 1024];
        byte[] b = new byte[192 * 1024];
        Arrays.fill(a, (byte) 'a');
        Arrays.fill(b, (byte) 'b');
        AtomicFiles.write(file, a);
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<String> torn = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            int reads = 0;
            while (!done.get() || reads < 10) {
                try {
                    byte[] seen = Files.readAllBytes(file);
                    reads++;
                    if (!Arrays.equals(seen, a) && !Arrays.equals(seen, b)) {
                        torn.set("read " + seen.length + " bytes that are neither version");
                        return;
                    }
                } catch (IOException e) {
                    torn.set("read failed: " + e);
                    return;
                }
            }
        });
        reader.start();
        for (int i = 0; i < 150; i++) {
            AtomicFiles.write(file, i % 2 == 0 ? b : a);
        }
        done.set(true);
        reader.join(30_000);
        assertEquals(null, torn.get());
        assertArrayEquals(a, Files.readAllBytes(file));
    }

    private static List<Path> listAll(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            List<Path> all = s.sorted().toList();
            assertTrue(all.stream().noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), all.toString());
            return all;
        }
    }
}
