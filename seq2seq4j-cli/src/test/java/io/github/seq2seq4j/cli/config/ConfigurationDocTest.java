package io.github.seq2seq4j.cli.config;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md holds, for each section, the table this test renders from the schema, so
 * the documentation cannot drift from the code. On a mismatch the expected tables are written to
 * target/configuration-tables.md to paste in.
 */
class ConfigurationDocTest {
    static final Path DOC = Path.of("..", "docs", "configuration.md");

    static String tables() {
        StringBuilder sb = new StringBuilder();
        for (Section s : Section.values()) {
            sb.append("| key | flag | type | default | meaning |\n| --- | --- | --- | --- | --- |\n");
            for (ConfigKey k : ConfigSchema.section(s)) {
                sb.append("| `").append(k.name()).append("` | `").append(k.flag()).append("` | ").append(type(k))
                        .append(" | ").append(k.defaultValue() == null ? "none" : "`" + k.defaultText() + "`")
                        .append(" | ").append(k.description().replace("|", "\\|").replace("<", "&lt;")).append(" |\n");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static String type(ConfigKey k) {
        String range = k.range().equals(Range.ANY) ? "" : " " + k.range().describe();
        return switch (k.type()) {
            case INT, LONG -> "integer" + range;
            case FLOAT -> "number" + range;
            case BOOL -> "true or false";
            case PATH -> "path";
            case CHOICE -> String.join(" \\| ", k.choices().stream().map(c -> "`" + c + "`").toList());
            case LIST -> "list of names";
        };
    }

    @Test
    void theDocumentHoldsEverySectionsTable() throws IOException {
        String doc = Files.readString(DOC);
        String expected = tables();
        boolean ok = true;
        for (String table : expected.split("\n\n")) {
            ok &= doc.contains(table.strip());
        }
        if (!ok) {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "configuration-tables.md"), expected);
        }
        assertTrue(ok, "docs/configuration.md is out of date; the tables are in seq2seq4j-cli/target/configuration-tables.md");
    }
}
