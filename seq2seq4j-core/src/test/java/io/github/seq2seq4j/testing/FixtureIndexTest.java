package io.github.seq2seq4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.seq2seq4j.io.Json;
import io.github.seq2seq4j.io.SafeTensors;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** index.json is what other tests' authors read: it must describe exactly what the files hold. */
class FixtureIndexTest {
    private static final List<String> BUNDLE_FILES = List.of("config.json", "src.vocab", "tgt.vocab",
            "weights.safetensors", "greedy.txt", "beam3.txt", "beam5.txt", "grads.safetensors",
            "grads_smoothed.safetensors", "margins.json");

    @Test
    void everyIndexedTensorFileHoldsTheListedNamesAndShapes() {
        Map<?, ?> files = (Map<?, ?>) ((Map<?, ?>) Json.parse(Fixtures.text("index.json"))).get("files");
        int checked = 0;
        for (Map.Entry<?, ?> e : files.entrySet()) {
            String name = (String) e.getKey();
            assertTrue(Files.isRegularFile(Fixtures.path(name)), name);
            Object listed = ((Map<?, ?>) e.getValue()).get("tensors");
            if (listed == null) {
                continue;
            }
            Map<String, int[]> shapes = new LinkedHashMap<>();
            for (Map.Entry<?, ?> t : ((Map<?, ?>) listed).entrySet()) {
                shapes.put((String) t.getKey(), ((List<?>) t.getValue()).stream()
                        .mapToInt(d -> ((Long) d).intValue()).toArray());
            }
            SafeTensors.checkNamesAndShapes(name, Fixtures.load(name), shapes);
            assertEquals(List.copyOf(shapes.keySet()), List.copyOf(Fixtures.load(name).keySet()), name + " order");
            checked++;
        }
        assertTrue(checked > 150, "checked " + checked);
    }

    @Test
    void everyBundleIsComplete() {
        Map<?, ?> models = (Map<?, ?>) ((Map<?, ?>) Json.parse(Fixtures.text("index.json"))).get("models");
        int bundles = 0;
        for (Object name : models.keySet()) {
            if (((String) name).startsWith("_")) {
                continue;
            }
            for (String f : BUNDLE_FILES) {
                assertTrue(Files.isRegularFile(Fixtures.path("models/" + name + "/" + f)), name + "/" + f);
            }
            int lines = Fixtures.lines((String) ((Map<?, ?>) models.get(name)).get("src")).size();
            assertEquals(lines, Fixtures.lines("models/" + name + "/greedy.txt").size(), name + " greedy lines");
            assertEquals(lines, Fixtures.lines("models/" + name + "/beam3.txt").size(), name + " beam lines");
            bundles++;
        }
        assertEquals(45, bundles, "36 cell x attention x direction combinations and 9 variants");
    }
}
