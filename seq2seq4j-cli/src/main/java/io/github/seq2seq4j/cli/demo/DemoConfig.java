package io.github.seq2seq4j.cli.demo;

import io.github.seq2seq4j.cli.config.ConfigSchema;
import io.github.seq2seq4j.cli.config.RunConfig;
import io.github.seq2seq4j.cli.config.Setting;
import io.github.seq2seq4j.cli.config.YamlConfigReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The training configuration of the demo: the bundled {@code demo.yaml} (copied into the output
 * directory, so its relative data paths find the copied sample), then the command's own options,
 * exactly as {@code train --config demo.yaml --out ... --seed ...} would combine them.
 *
 * <p>{@code --quick} keeps the model and data but trains for {@value #QUICK_STEPS} steps only (a
 * fraction of the first epoch), validating once at the end: a smoke run that shows every output
 * in seconds, not a useful model.
 */
public final class DemoConfig {
    /** Optimizer steps of a {@code --quick} run. */
    public static final long QUICK_STEPS = 40;

    private DemoConfig() {}

    /**
     * The effective configuration.
     *
     * @param yaml    the copied {@code demo.yaml}
     * @param out     the output directory
     * @param seed    the seed, or null to keep the file's
     * @param threads the kernels' thread count, or null to keep the file's
     * @param quick   true for a {@value #QUICK_STEPS}-step run
     */
    public static RunConfig of(Path yaml, Path out, Long seed, Integer threads, boolean quick) {
        Map<String, Setting> flags = new LinkedHashMap<>();
        put(flags, "out", out, "--out");
        if (seed != null) {
            put(flags, "seed", seed, "--seed");
        }
        if (threads != null) {
            put(flags, "threads", threads, "--threads");
        }
        if (quick) {
            put(flags, "training.epochs", 1, "--quick");
            put(flags, "training.max_steps", QUICK_STEPS, "--quick");
        }
        return RunConfig.of(YamlConfigReader.read(yaml), flags).validate();
    }

    private static void put(Map<String, Setting> flags, String path, Object value, String origin) {
        flags.put(path, new Setting(ConfigSchema.byPath(path).orElseThrow().check(value), origin));
    }
}
