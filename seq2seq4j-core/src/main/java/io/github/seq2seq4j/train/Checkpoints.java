package io.github.seq2seq4j.train;

import io.github.seq2seq4j.InputException;
import io.github.seq2seq4j.data.BatchPosition;
import io.github.seq2seq4j.io.AtomicDirectory;
import io.github.seq2seq4j.io.Json;
import io.github.seq2seq4j.io.SafeTensors;
import io.github.seq2seq4j.model.EncoderDecoder;
import io.github.seq2seq4j.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Training checkpoints under a run directory: {@code checkpoints/last} and {@code checkpoints/best},
 * each a complete model bundle plus {@code optimizer.safetensors} and {@code trainer.json}, written
 * atomically (a reader or a resumed run never sees a half-written checkpoint).
 */
public final class Checkpoints {
    /** The optimizer's moments in a checkpoint directory. */
    public static final String OPTIMIZER = "optimizer.safetensors";
    /** The trainer's state (step, data position, random states, schedule) in a checkpoint directory. */
    public static final String TRAINER = "trainer.json";
    /** Names of step snapshots: step-00012000. */
    public static final String SNAPSHOT_PREFIX = "step-";

    /** Writes the model bundle files (config, vocabularies, weights) into a directory. */
    @FunctionalInterface
    public interface BundleWriter {
        /** Writes the bundle of {@code model} into the existing directory {@code dir}. */
        void write(Path dir, EncoderDecoder model);
    }

    /** A checkpoint read back: the trainer state and the optimizer's moments. */
    public record Loaded(TrainerState state, Map<String, Tensor> optimizerState) {}

    private final Path root;
    private final BundleWriter writer;

    /** Checkpoints under {@code root}, each model bundle written by {@code writer}. */
    public Checkpoints(Path root, BundleWriter writer) {
        this.root = root;
        this.writer = writer;
    }

    /** The directory of a named checkpoint. */
    public Path dir(String name) {
        return root.resolve(name);
    }

    /** Writes checkpoint {@code name} atomically; returns its directory. */
    public Path save(String name, EncoderDecoder model, TrainerState s, Map<String, Tensor> optimizerState) {
        Path dir = dir(name);
        AtomicDirectory.replace(dir, tmp -> {
            writer.write(tmp, model);
            SafeTensors.write(tmp.resolve(OPTIMIZER), optimizerState);
            try {
                Files.writeString(tmp.resolve(TRAINER), Json.writePretty(toJson(s)));
            } catch (IOException e) {
                throw new InputException(tmp.resolve(TRAINER) + ": cannot write: " + e.getMessage(), e);
            }
        });
        return dir;
    }

    /**
     * Writes the model bundle alone (no optimizer state) as {@code step-NNNNNNNN}, then deletes the
     * oldest such snapshots beyond {@code keep}; returns the snapshot's directory.
     */
    public Path snapshot(long step, EncoderDecoder model, int keep) {
        Path dir = dir(String.format(java.util.Locale.ROOT, "%s%08d", SNAPSHOT_PREFIX, step));
        AtomicDirectory.replace(dir, tmp -> writer.write(tmp, model));
        List<Path> all = snapshots(root);
        for (int i = 0; i < all.size() - keep; i++) {
            try {
                AtomicDirectory.deleteRecursively(all.get(i));
            } catch (IOException e) {
                throw new InputException(all.get(i) + ": cannot delete an old snapshot: " + e.getMessage(), e);
            }
        }
        return dir;
    }

    /** The step snapshots under a checkpoints directory, oldest first. */
    public static List<Path> snapshots(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (java.util.stream.Stream<Path> files = Files.list(root)) {
            return files.filter(p -> p.getFileName().toString().matches(SNAPSHOT_PREFIX + "\\d{8}"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new InputException(root + ": cannot list snapshots: " + e.getMessage(), e);
        }
    }

    /** Reads the trainer state and optimizer moments of a checkpoint directory. */
    public static Loaded load(Path dir) {
        try {
            AtomicDirectory.recover(dir);
        } catch (IOException e) {
            throw new InputException(dir + ": cannot recover an interrupted checkpoint: " + e.getMessage(), e);
        }
        Path trainer = dir.resolve(TRAINER);
        Object json = Json.read(trainer);
        TrainerState s = fromJson(json, trainer.toString());
        return new Loaded(s, SafeTensors.read(dir.resolve(OPTIMIZER)));
    }

    static Map<String, Object> toJson(TrainerState s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", "seq2seq4j-trainer/1");
        m.put("step", s.step());
        m.put("position", s.position().toString());
        // 64-bit generator states as hex strings: JSON numbers would lose bits in other readers
        m.put("dropout_rng", Long.toHexString(s.dropoutRng()));
        m.put("sampling_rng", Long.toHexString(s.samplingRng()));
        List<Object> sched = new ArrayList<>();
        for (double d : s.schedule()) {
            sched.add(Double.isFinite(d) ? (Object) d : Double.toString(d));
        }
        m.put("schedule", sched);
        m.put("best", Double.isNaN(s.best()) ? null : s.best());
        m.put("bad_validations", s.badValidations());
        return m;
    }

    static TrainerState fromJson(Object json, String file) {
        if (!(json instanceof Map<?, ?> m) || !"seq2seq4j-trainer/1".equals(m.get("format"))) {
            throw InputException.in(file, "not a seq2seq4j trainer state (format seq2seq4j-trainer/1)");
        }
        try {
            List<?> sched = (List<?>) m.get("schedule");
            double[] schedule = new double[sched.size()];
            for (int i = 0; i < schedule.length; i++) {
                Object v = sched.get(i);
                schedule[i] = v instanceof String str ? Double.parseDouble(str) : ((Number) v).doubleValue();
            }
            Object best = m.get("best");
            return new TrainerState(((Number) m.get("step")).longValue(),
                    BatchPosition.parse((String) m.get("position")),
                    Long.parseUnsignedLong((String) m.get("dropout_rng"), 16),
                    Long.parseUnsignedLong((String) m.get("sampling_rng"), 16),
                    schedule, best == null ? Double.NaN : ((Number) best).doubleValue(),
                    ((Number) m.get("bad_validations")).intValue());
        } catch (ClassCastException | NullPointerException | NumberFormatException e) {
            throw InputException.in(file, "malformed trainer state: " + e.getMessage());
        }
    }
}
