package io.github.seq2seq4j.cli.config;

import io.github.seq2seq4j.InputException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads a training configuration file strictly: every key must be one of {@link ConfigSchema}, in
 * its section, once; every value must parse as its type and lie in its range. Errors are one line,
 * {@code FILE:LINE: problem}. Relative paths are resolved against the directory of the file, so a
 * configuration works from any working directory.
 *
 * <p>The YAML is composed into nodes (not constructed into objects) to keep each value's line.
 */
public final class YamlConfigReader {
    private YamlConfigReader() {}

    /** The settings of {@code file}, by YAML path ({@code training.learning_rate}). */
    public static Map<String, Setting> read(Path file) {
        String text = readUtf8(file);
        Node root;
        try {
            LoadSettings settings = LoadSettings.builder().setLabel(file.toString()).setAllowDuplicateKeys(false)
                    .setAllowRecursiveKeys(false).setMaxAliasesForCollections(10).build();
            Optional<Node> composed = new Compose(settings).composeString(text);
            if (composed.isEmpty()) {
                return Map.of(); // an empty file sets nothing
            }
            root = composed.get();
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().or(e::getContextMark).map(m -> m.getLine() + 1).orElse(0);
            throw InputException.at(file.toString(), line, "invalid YAML: " + e.getProblem());
        } catch (YamlEngineException e) {
            throw InputException.in(file.toString(), "invalid YAML: " + e.getMessage());
        }
        Map<String, Setting> out = new LinkedHashMap<>();
        Path base = file.toAbsolutePath().getParent();
        for (NodeTuple top : mapping(root, file, "the top level")) {
            String key = keyName(top.getKeyNode(), file);
            Section section = Section.byYamlName(key);
            if (section != null) {
                for (NodeTuple t : mapping(top.getValueNode(), file, "section '" + key + "'")) {
                    String name = keyName(t.getKeyNode(), file);
                    put(out, section, name, t, file, base);
                }
            } else {
                put(out, Section.TOP, key, top, file, base);
            }
        }
        return out;
    }

    private static void put(Map<String, Setting> out, Section section, String name, NodeTuple t, Path file, Path base) {
        String path = section == Section.TOP ? name : section.yamlName() + "." + name;
        int line = line(t.getKeyNode());
        ConfigKey key = ConfigSchema.byPath(path).orElseThrow(() -> InputException.at(file.toString(), line,
                unknownKeyMessage(section, name)));
        if (out.containsKey(path)) {
            throw InputException.at(file.toString(), line, "key '" + path + "' set twice (first on "
                    + out.get(path).origin() + ")");
        }
        Object value;
        try {
            value = key.check(value(key, t.getValueNode()));
        } catch (IllegalArgumentException e) {
            throw InputException.at(file.toString(), line(t.getValueNode()), path + ": " + e.getMessage());
        }
        if (value instanceof Path p && !p.isAbsolute()) {
            value = base.resolve(p).normalize();
        }
        out.put(path, new Setting(value, file + ":" + line));
    }

    private static Object value(ConfigKey key, Node node) {
        if (node instanceof ScalarNode s) {
            if (s.getTag().equals(Tag.NULL)) {
                return null; // "key:" or "key: null" leaves the default
            }
            boolean numeric = s.getTag().equals(Tag.INT) || s.getTag().equals(Tag.FLOAT);
            switch (key.type()) {
                case INT, LONG -> require(s.getTag().equals(Tag.INT), "expected an integer, got '" + s.getValue() + "'");
                case FLOAT -> require(numeric, "expected a number, got '" + s.getValue() + "'");
                case BOOL -> require(s.getTag().equals(Tag.BOOL), "expected true or false, got '" + s.getValue() + "'");
                default -> { }
            }
            return key.type().parse(s.getValue());
        }
        if (node instanceof SequenceNode seq && key.type() == ValueType.LIST) {
            List<String> items = new ArrayList<>();
            for (Node item : seq.getValue()) {
                require(item instanceof ScalarNode, "expected a list of names");
                for (Object name : (List<?>) ValueType.LIST.parse(((ScalarNode) item).getValue())) {
                    items.add(name.toString());
                }
            }
            return List.copyOf(items);
        }
        throw new IllegalArgumentException("expected " + (key.type() == ValueType.LIST ? "a list" : "a single value")
                + ", got a " + (node instanceof MappingNode ? "mapping" : "list"));
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    private static List<NodeTuple> mapping(Node node, Path file, String what) {
        if (!(node instanceof MappingNode m)) {
            throw InputException.at(file.toString(), line(node), what + " must be a mapping of key: value lines");
        }
        return m.getValue();
    }

    private static String keyName(Node node, Path file) {
        if (!(node instanceof ScalarNode s)) {
            throw InputException.at(file.toString(), line(node), "a key must be a plain name");
        }
        return s.getValue();
    }

    private static int line(Node node) {
        return node.getStartMark().map(Mark::getLine).orElse(-1) + 1;
    }

    static String unknownKeyMessage(Section section, String name) {
        List<ConfigKey> candidates = ConfigSchema.keys();
        String where = section == Section.TOP ? "at the top level" : "in section '" + section.yamlName() + "'";
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (ConfigKey k : candidates) {
            int d = Spelling.distance(name, k.name());
            if (d < bestDistance) {
                bestDistance = d;
                best = k.path();
            }
        }
        StringBuilder sb = new StringBuilder("unknown key '").append(name).append("' ").append(where);
        ConfigKey exact = candidates.stream().filter(k -> k.name().equals(name)).findFirst().orElse(null);
        if (exact != null) {
            sb.append(" (it belongs ").append(exact.section() == Section.TOP ? "at the top level" : "in section '"
                    + exact.section().yamlName() + "'").append(')');
        } else if (best != null && bestDistance <= Math.max(2, name.length() / 3)) {
            sb.append(" (did you mean '").append(best).append("'?)");
        } else {
            sb.append(" (sections: data, model, training; see docs/configuration.md)");
        }
        return sb.toString();
    }

    private static String readUtf8(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw InputException.in(file.toString(), "no such file");
        } catch (CharacterCodingException e) {
            throw InputException.in(file.toString(), "not valid UTF-8");
        } catch (IOException e) {
            throw InputException.in(file.toString(), "cannot read: " + e.getMessage());
        }
    }
}
