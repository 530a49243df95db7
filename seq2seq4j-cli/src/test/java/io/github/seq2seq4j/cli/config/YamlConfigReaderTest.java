package io.github.seq2seq4j.cli.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading YAML, merging with flags, and writing the effective configuration back. */
class YamlConfigReaderTest {
    @TempDir
    Path tmp;

    private Map<String, Setting> read(String yaml) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("conf"));
        Path f = dir.resolve("run.yaml");
        Files.writeString(f, yaml);
        return YamlConfigReader.read(f);
    }

    @Test
    void relativePathsAreRelativeToTheFileAndOriginsNameTheLine() throws IOException {
        Map<String, Setting> s = read("out: ../runs/x\ndata:\n  train: data/t.tsv\n");
        assertEquals(tmp.resolve("runs/x").toAbsolutePath().normalize(), s.get("out").value());
        assertEquals(tmp.resolve("conf/data/t.tsv").toAbsolutePath().normalize(), s.get("data.train").value());
        assertEquals(tmp.resolve("conf/run.yaml") + ":3", s.get("data.train").origin());
    }

    @Test
    void listsAreSequencesOrCommaTextAndNullKeepsTheDefault() throws IOException {
        assertEquals(List.of("bleu", "chrf"), read("training:\n  dev_metrics: [BLEU, chrf]\n").get("training.dev_metrics").value());
        assertEquals(List.of("bleu", "chrf"), read("training:\n  dev_metrics: bleu,chrf\n").get("training.dev_metrics").value());
        RunConfig c = RunConfig.of(read("training:\n  epochs:\n"), Map.of());
        assertEquals(10, c.integer("training.epochs"));
        assertEquals(1e-3, read("training:\n  learning_rate: 1e-3\n").get("training.learning_rate").value());
    }

    @Test
    void flagsOverrideTheFileWhichOverridesTheDefaults() throws IOException {
        Map<String, Setting> yaml = read("seed: 7\ntraining:\n  epochs: 3\n");
        RunConfig c = RunConfig.of(yaml, Map.of("training.epochs", new Setting(5, "--epochs")));
        assertEquals(5, c.integer("training.epochs"));
        assertEquals("--epochs", c.origin("training.epochs"));
        assertEquals(7L, c.longValue("seed"));
        assertEquals("default", c.origin("model.cell"));
    }

    @Test
    void theEffectiveConfigurationReadsBackToTheSameValues() throws IOException {
        RunConfig c = RunConfig.of(Map.of(), Map.of());
        // change every key away from its default
        for (ConfigKey k : ConfigSchema.keys()) {
            Object v = switch (k.type()) {
                case INT -> (Integer) (k.defaultValue() == null ? 3 : (Integer) k.defaultValue() + 2);
                case LONG -> (Long) k.defaultValue() + 2;
                case FLOAT -> k.defaultValue() == null ? 0.25 : ((Double) k.defaultValue()) / 2 + 0.0625;
                case BOOL -> !(Boolean) k.defaultValue();
                case CHOICE -> k.choices().get((k.choices().indexOf(k.defaultValue()) + 1) % k.choices().size());
                case PATH -> tmp.resolve("dir with spaces \"and\" quotes").resolve(k.name());
                case LIST -> List.of("bleu", "chrf++");
            };
            c = c.with(k.path(), v, "test");
        }
        Path f = tmp.resolve("effective.yaml");
        Files.writeString(f, RunYaml.write(c, List.of("a header")));
        RunConfig back = RunConfig.of(YamlConfigReader.read(f), Map.of());
        for (ConfigKey k : ConfigSchema.keys()) {
            assertEquals(c.value(k.path()), back.value(k.path()), k.path());
            assertNotEquals(k.defaultValue(), back.value(k.path()), k.path());
        }
    }
}
