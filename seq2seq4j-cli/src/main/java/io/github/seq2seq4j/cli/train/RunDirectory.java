package io.github.seq2seq4j.cli.train;

import io.github.seq2seq4j.InputException;
import io.github.seq2seq4j.cli.runreport.TrainingReport;
import io.github.seq2seq4j.io.AtomicDirectory;
import io.github.seq2seq4j.io.ModelBundle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The output directory of a training run:
 * <pre>
 * OUT/config.json, src.vocab, tgt.vocab, weights.safetensors[, bpe.merges]   the final model
 * OUT/checkpoints/last/, OUT/checkpoints/best/                               resumable checkpoints
 * OUT/train.log, OUT/metrics.csv, OUT/run.yaml                               what happened, with what
 * OUT/report/index.html                                                      the run's report
 * </pre>
 * Files written whole go through a temporary sibling and an atomic rename.
 */
public final class RunDirectory {
    public static final String CHECKPOINTS = "checkpoints";
    public static final String LOG = "train.log";
    public static final String METRICS = "metrics.csv";
    public static final String RUN_YAML = "run.yaml";
    /** The run's HTML report and its pictures. */
    public static final String REPORT = TrainingReport.DIRECTORY;
    /** The bundle files copied from the chosen checkpoint; bpe.merges only when present. */
    static final List<String> BUNDLE = List.of(ModelBundle.WEIGHTS, ModelBundle.SRC_VOCAB, ModelBundle.TGT_VOCAB,
            ModelBundle.BPE_MERGES, ModelBundle.CONFIG);

    private final Path root;

    public RunDirectory(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public Path resolve(String name) {
        return root.resolve(name);
    }

    public Path checkpoints() {
        return root.resolve(CHECKPOINTS);
    }

    /** The checkpoint a resumed run continues from. */
    public Path last() {
        return checkpoints().resolve("last");
    }

    /** True if the directory holds a run (its run.yaml or checkpoints). */
    public boolean holdsRun() {
        return Files.exists(resolve(RUN_YAML)) || Files.exists(checkpoints());
    }

    /**
     * Makes the directory ready for a new run: refuses one that holds a run or other files, unless
     * {@code force}, which deletes what a run writes there (and nothing else).
     */
    public void prepareFresh(boolean force) {
        try {
            if (Files.isDirectory(root) && !force) {
                if (holdsRun()) {
                    throw new InputException(root + " already holds a training run; continue it with --resume " + root
                            + ", start over with --force, or choose another output directory");
                }
                try (Stream<Path> s = Files.list(root)) {
                    if (s.findAny().isPresent()) {
                        throw new InputException(root + " is not empty; choose a new or empty output directory (or pass --force)");
                    }
                }
            }
            if (Files.exists(root) && !Files.isDirectory(root)) {
                throw new InputException(root + " exists and is not a directory");
            }
            if (force) {
                deleteRecursively(checkpoints());
                deleteRecursively(resolve(REPORT));
                for (String f : BUNDLE) {
                    Files.deleteIfExists(resolve(f));
                }
                for (String f : List.of(LOG, METRICS, RUN_YAML)) {
                    Files.deleteIfExists(resolve(f));
                }
            }
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new InputException(root + ": cannot prepare the output directory: " + e.getMessage(), e);
        }
    }

    /** Writes a text file whole: temporary sibling, then atomic rename. */
    public void writeText(String name, String text) {
        Path tmp = resolve("." + name + ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            move(tmp, resolve(name));
        } catch (IOException e) {
            throw new InputException(resolve(name) + ": cannot write: " + e.getMessage(), e);
        }
    }

    /**
     * Copies the model bundle of a checkpoint to the top of the directory, file by file through
     * temporary siblings; config.json goes last, so a directory with a config has its weights.
     */
    public void publishModel(Path checkpoint) {
        try {
            for (String f : BUNDLE) {
                Path from = checkpoint.resolve(f);
                Path to = resolve(f);
                if (!Files.exists(from)) {
                    Files.deleteIfExists(to); // e.g. a bpe.merges of an earlier run
                    continue;
                }
                Path tmp = resolve("." + f + ".tmp");
                Files.copy(from, tmp, StandardCopyOption.REPLACE_EXISTING);
                move(tmp, to);
            }
        } catch (IOException e) {
            throw new InputException(root + ": cannot write the final model: " + e.getMessage(), e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteRecursively(Path p) throws IOException {
        AtomicDirectory.deleteRecursively(p);
    }
}
