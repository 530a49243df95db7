package io.github.seq2seq4j.cli.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.seq2seq4j.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestSetTest {
    @TempDir
    Path dir;

    @Test
    void tsvAndAlignedFilesGroupTheSameWay() throws IOException {
        Path tsv = Files.writeString(dir.resolve("t.tsv"), "read\tR IY D\nlive\tL IH V\nread\tR EH D\n");
        Path src = Files.writeString(dir.resolve("s.txt"), "read\nlive\n\nread\n");
        Path tgt = Files.writeString(dir.resolve("t.txt"), "R IY D\nL IH V\nskipped\nR EH D\n");
        TestSet fromTsv = TestSet.read(tsv);
        TestSet aligned = TestSet.aligned(src, tgt);
        assertEquals(List.of("read", "live"), aligned.sources());
        assertEquals(List.of(List.of("R IY D", "R EH D"), List.of("L IH V")), aligned.references());
        assertEquals(3, aligned.lines(), "the blank source is skipped");
        assertEquals(fromTsv, aligned);
    }

    @Test
    void alignedFilesOfDifferentLengthsAreAnError() throws IOException {
        Path src = Files.writeString(dir.resolve("s.txt"), "a\nb\n");
        Path tgt = Files.writeString(dir.resolve("t.txt"), "x\n");
        InputException e = assertThrows(InputException.class, () -> TestSet.aligned(src, tgt));
        assertTrue(e.getMessage().contains("has 2 lines but") && e.getMessage().contains("has 1"), e.getMessage());
    }
}
