package io.github.seq2seq4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.seq2seq4j.Seq2SeqModel;
import io.github.seq2seq4j.cli.config.RunConfig;
import io.github.seq2seq4j.cli.config.Setting;
import io.github.seq2seq4j.cli.config.YamlConfigReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configurations in examples/: each is valid, and the two tiny ones learn exactly through the command line. */
class ExamplesTest {
    static final Path EXAMPLES = Path.of("..", "examples");

    @Test
    void everyExampleConfigurationIsValidAndItsBundledDataExists() throws IOException {
        List<Path> configs;
        try (Stream<Path> s = Files.list(EXAMPLES)) {
            configs = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertEquals(List.of("cmudict-g2p.yaml", "freedict-en-es.yaml", "g2p-en-cmudict.yaml", "reverse.yaml", "toy-mapping.yaml", "words-en-es-tiny.yaml"),
                configs.stream().map(p -> p.getFileName().toString()).toList());
        Path data = EXAMPLES.resolve("data").toAbsolutePath().normalize();
        for (Path c : configs) {
            Map<String, Setting> yaml = YamlConfigReader.read(c);
            RunConfig rc = RunConfig.of(yaml, Map.of()).validate();
            assertTrue(rc.hasDev(), c + " validates on a dev set");
            assertTrue(rc.path("out").startsWith(EXAMPLES.resolve("../runs").toAbsolutePath().normalize()), c + " writes under runs/");
            for (String key : List.of("data.train", "data.dev")) {
                Path p = rc.path(key);
                if (p.startsWith(data)) {
                    assertTrue(Files.isRegularFile(p), c + ": " + p);
                } else {
                    // shared corpora stay outside the repository (licences)
                    assertTrue(p.toString().contains("/shared/data/"), c + ": " + p);
                }
            }
        }
    }

    @Test
    @Tag("slow")
    void toyMappingLearnsExactly(@TempDir Path tmp) {
        Path out = tmp.resolve("toy");
        CliRun r = TrainRuns.train(0, "--config", EXAMPLES.resolve("toy-mapping.yaml").toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("2 1 3 0", Seq2SeqModel.load(out).translate("1 3 2 0"));
        CliRun t = TranslateCommandTest.translate("1 3 2 0\n", "--model", out.toString());
        assertEquals("2 1 3 0\n", t.out());
    }

    @Test
    @Tag("slow")
    void tinyEnglishToSpanishLearnsExactly(@TempDir Path tmp) {
        Path out = tmp.resolve("words");
        CliRun r = TrainRuns.train(0, "--config", EXAMPLES.resolve("words-en-es-tiny.yaml").toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("acc 100.00"), r.err());
        CliRun greedy = TranslateCommandTest.translate("hello\ncat\ngood\n", "--model", out.toString());
        assertEquals("hola\ngato\nbueno\n", greedy.out());
        CliRun beam = TranslateCommandTest.translate("hello\ncat\ngood\n", "--model", out.toString(), "--beam", "3");
        assertEquals("hola\ngato\nbueno\n", beam.out());
    }
}
