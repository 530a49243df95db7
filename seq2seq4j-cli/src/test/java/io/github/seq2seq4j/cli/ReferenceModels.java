package io.github.seq2seq4j.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.seq2seq4j.io.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The PyTorch reference's bundles and outputs in the core module's test resources, read in place.
 * Surefire runs each module's tests in the module directory, under {@code mvn verify} from the
 * repository root and from the module alike, so the relative path holds in both.
 */
final class ReferenceModels {
    static final Path ROOT = Path.of("..", "seq2seq4j-core", "src", "test", "resources", "fixtures", "models");

    private ReferenceModels() {}

    static Path dir(String name) {
        Path d = ROOT.resolve(name);
        assertTrue(Files.isDirectory(d), "reference bundle " + d.toAbsolutePath() + " not found");
        return d;
    }

    /** Lines of a file as Python's {@code for line in f: line.rstrip("\n")} yields them. */
    static List<String> lines(Path p) {
        try {
            String text = Files.readString(p, StandardCharsets.UTF_8);
            List<String> l = Arrays.asList(text.split("\n", -1));
            return l.get(l.size() - 1).isEmpty() ? l.subList(0, l.size() - 1) : l;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decision margins of a command's lines in the reference (null entries: no decision to make). */
    static double margin(Path bundle, String command, int line) {
        Map<?, ?> m = (Map<?, ?>) Json.read(bundle.resolve("margins.json"));
        Object v = ((List<?>) m.get(command)).get(line);
        return v == null ? Double.POSITIVE_INFINITY : ((Number) v).doubleValue();
    }
}
