package io.github.seq2seq4j.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.seq2seq4j.InputException;
import io.github.seq2seq4j.cli.train.RunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoDirectoryTest {
    @TempDir
    Path tmp;

    /** The files a finished demo leaves, plus one of the user's. */
    private Path previousDemo() throws IOException {
        Path out = tmp.resolve("demo");
        for (String f : new String[] {"run.yaml", "train.log", "metrics.csv", "config.json", "weights.safetensors",
            "checkpoints/best/config.json", "data/train.tsv", "data/LICENSE", "attention/word.png",
            "report/index.html", "report/curves/train-loss.png"}) {
            Files.createDirectories(out.resolve(f).getParent());
            Files.writeString(out.resolve(f), "x");
        }
        Files.writeString(out.resolve("notes.txt"), "mine");
        return out;
    }

    @Test
    void refusesAPreviousDemoUnlessForced() throws IOException {
        Path out = previousDemo();
        InputException e = assertThrows(InputException.class, () -> DemoDirectory.prepare(new RunDirectory(out), false));
        assertEquals(out.toAbsolutePath() + " already holds a demo or training run; replace it with --force or choose "
                + "another --out DIR", e.getMessage());
        assertTrue(Files.exists(out.resolve("report/index.html")), "nothing deleted");
    }

    @Test
    void forcedItDeletesWhatADemoWritesAndNothingElse() throws IOException {
        Path out = previousDemo();
        DemoDirectory.prepare(new RunDirectory(out), true);
        try (var s = Files.list(out)) {
            assertEquals(java.util.List.of("notes.txt"), s.map(p -> p.getFileName().toString()).toList());
        }
        assertEquals("mine", Files.readString(out.resolve("notes.txt")));
    }

    @Test
    void aNewDirectoryIsCreated() {
        Path out = tmp.resolve("a/b");
        DemoDirectory.prepare(new RunDirectory(out), false);
        assertTrue(Files.isDirectory(out));
    }
}
