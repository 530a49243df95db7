package io.github.seq2seq4j.cli.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Every {@link ConfigSchema} key as a command-line flag, {@code --name-with-dashes VALUE}, grouped
 * in help by section. Values are parsed and checked like YAML values; a bad one is a usage error
 * naming the flag. Relative paths are taken relative to the working directory.
 */
public final class ConfigFlags {
    private ConfigFlags() {}

    /** Adds the flags to a command, one help section per YAML section. */
    public static void addTo(CommandSpec spec) {
        for (Section s : Section.values()) {
            ArgGroupSpec.Builder group = ArgGroupSpec.builder().exclusive(false).multiplicity("0..1").validate(false)
                    .heading(s == Section.TOP ? "%nRun settings (YAML: top level):%n"
                            : "%n" + s.title() + " settings (YAML section " + s.yamlName() + "):%n");
            for (ConfigKey k : ConfigSchema.section(s)) {
                group.addArg(OptionSpec.builder(k.flag())
                        .paramLabel(k.type() == ValueType.CHOICE ? String.join("|", k.choices()) : k.type().label())
                        .type(String.class)
                        .arity("1")
                        .description(help(k))
                        .build());
            }
            spec.addArgGroup(group.build());
        }
    }

    /** The flags given on this command line, parsed, by YAML path. */
    public static Map<String, Setting> parsed(ParseResult pr) {
        Map<String, Setting> out = new LinkedHashMap<>();
        for (ConfigKey k : ConfigSchema.keys()) {
            if (!pr.hasMatchedOption(k.flag())) {
                continue;
            }
            String text = pr.matchedOptionValue(k.flag(), "");
            Object value;
            try {
                value = k.check(k.type().parse(text));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(pr.commandSpec().commandLine(), k.flag() + ": " + e.getMessage());
            }
            if (value instanceof Path p) {
                value = p.toAbsolutePath().normalize();
            }
            out.put(k.path(), new Setting(value, k.flag()));
        }
        return out;
    }

    private static String help(ConfigKey k) {
        StringBuilder sb = new StringBuilder(k.description());
        if (k.type() == ValueType.LIST && !k.choices().isEmpty()) {
            sb.append(" Names: ").append(String.join(", ", k.choices())).append('.');
        }
        sb.append(" Default: ").append(k.defaultText()).append('.');
        return sb.toString().replace("%", "%%"); // picocli formats descriptions
    }
}
