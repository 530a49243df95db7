package io.github.seq2seq4j.cli.config;

import java.util.List;

/**
 * Writes a {@link RunConfig} as YAML that {@link YamlConfigReader} reads back to the same values:
 * every key, grouped by section, paths absolute. This is the {@code run.yaml} of an output
 * directory, the record of exactly what a run used.
 */
public final class RunYaml {
    private RunYaml() {}

    /** The YAML text; {@code header} lines become comments at the top. */
    public static String write(RunConfig config, List<String> header) {
        StringBuilder sb = new StringBuilder();
        for (String h : header) {
            sb.append("# ").append(h).append('\n');
        }
        for (Section s : Section.values()) {
            String indent = "";
            if (s != Section.TOP) {
                sb.append('\n').append(s.yamlName()).append(":\n");
                indent = "  ";
            }
            for (ConfigKey k : ConfigSchema.section(s)) {
                Object v = config.value(k.path());
                if (v instanceof java.nio.file.Path p) {
                    v = p.toAbsolutePath().normalize().toString();
                }
                sb.append(indent).append(k.name()).append(": ").append(ConfigText.yaml(v)).append('\n');
            }
        }
        return sb.toString();
    }
}
