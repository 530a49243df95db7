package io.github.seq2seq4j.cli.demo;

import io.github.seq2seq4j.InputException;
import io.github.seq2seq4j.cli.train.RunDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The demo's output directory: a training run's directory ({@link RunDirectory}) plus
 * {@code data/} (the copied sample), {@code attention/} and {@code report/}. Like {@code train},
 * it refuses a directory that holds a run or any other file unless forced; forced, it deletes
 * what a demo writes there and nothing else.
 */
public final class DemoDirectory {
    /** The copied sample, its licence and demo.yaml. */
    public static final String DATA = "data";
    /** What the demo adds to a run's files. */
    static final List<String> EXTRA = List.of(DATA, DemoReport.ATTENTION, DemoReport.REPORT);

    private DemoDirectory() {}

    /** Makes {@code dir} ready for a new demo; see the class comment. */
    public static void prepare(RunDirectory dir, boolean force) {
        if (!force && Files.isDirectory(dir.root()) && dir.holdsRun()) {
            // train's message would suggest --resume, which the demo does not have
            throw new InputException(dir.root() + " already holds a demo or training run; replace it with --force "
                    + "or choose another --out DIR");
        }
        dir.prepareFresh(force);
        if (!force) {
            return;
        }
        for (String name : EXTRA) {
            Path p = dir.resolve(name);
            try {
                deleteRecursively(p);
            } catch (IOException | UncheckedIOException e) {
                throw new InputException(p + ": cannot delete the previous demo's files: " + e.getMessage(), e);
            }
        }
    }

    private static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
