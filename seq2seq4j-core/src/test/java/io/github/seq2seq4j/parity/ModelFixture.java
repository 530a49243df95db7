package io.github.seq2seq4j.parity;

import io.github.seq2seq4j.io.Json;
import io.github.seq2seq4j.testing.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** One reference-exported bundle under fixtures/models with the reference's outputs on it. */
record ModelFixture(String name, Path dir, List<String> sources, Path pairs, Map<?, ?> margins) {
    static List<ModelFixture> all() {
        Map<?, ?> models = (Map<?, ?>) ((Map<?, ?>) Json.read(Fixtures.path("index.json"))).get("models");
        List<ModelFixture> out = new ArrayList<>();
        for (Map.Entry<?, ?> e : models.entrySet()) {
            String name = (String) e.getKey();
            if (name.startsWith("_")) {
                continue;
            }
            Map<?, ?> info = (Map<?, ?>) e.getValue();
            Path dir = Fixtures.path("models/" + name);
            out.add(new ModelFixture(name, dir, lines(Fixtures.path((String) info.get("src"))),
                    Fixtures.path((String) info.get("pairs")), (Map<?, ?>) Json.read(dir.resolve("margins.json"))));
        }
        return out;
    }

    /** Bundles trained in Java (tools/make_java_fixtures.sh) with the reference's outputs on them. */
    static List<ModelFixture> javaTrained() {
        Path root = Fixtures.path("java");
        List<ModelFixture> out = new ArrayList<>();
        try (var dirs = Files.list(root)) {
            for (Path d : dirs.filter(Files::isDirectory).sorted().toList()) {
                out.add(new ModelFixture("java/" + d.getFileName(), d, lines(root.resolve("src.txt")), root.resolve("pairs.tsv"), Map.of()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Lines as Python's {@code for line in f: line.rstrip("\n")} sees them. */
    static List<String> lines(Path p) {
        try {
            String text = Files.readString(p, StandardCharsets.UTF_8);
            List<String> l = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
            if (!l.isEmpty() && l.get(l.size() - 1).isEmpty()) {
                l.remove(l.size() - 1); // the newline that ends the file
            }
            return l;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reference outputs of one decoding command: (text, score) per source line. */
    List<String[]> outputs(String file) {
        List<String[]> out = new ArrayList<>();
        for (String line : lines(dir.resolve(file))) {
            int tab = line.lastIndexOf('\t');
            out.add(new String[] {line.substring(0, tab), line.substring(tab + 1)});
        }
        return out;
    }

    /** The decision margin of line i for a command (greedy, beam3, beam5); +∞ where none was recorded. */
    double margin(String command, int i) {
        if (!margins.containsKey(command)) {
            return Double.POSITIVE_INFINITY; // trained models decide with wide margins: compare every line
        }
        Object v = ((List<?>) margins.get(command)).get(i);
        return v == null ? Double.POSITIVE_INFINITY : ((Number) v).doubleValue();
    }
}
