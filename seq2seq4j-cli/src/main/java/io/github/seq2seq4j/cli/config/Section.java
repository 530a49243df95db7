package io.github.seq2seq4j.cli.config;

/** The sections of a training configuration file; {@link #TOP} holds the keys outside any section. */
public enum Section {
    TOP("", "Run"),
    DATA("data", "Data"),
    MODEL("model", "Model"),
    TRAINING("training", "Training");

    private final String yamlName;
    private final String title;

    Section(String yamlName, String title) {
        this.yamlName = yamlName;
        this.title = title;
    }

    /** The mapping key in YAML ({@code data}, {@code model}, {@code training}); empty for top level. */
    public String yamlName() {
        return yamlName;
    }

    /** The heading used in help and docs. */
    public String title() {
        return title;
    }

    /** The section named {@code name} in YAML, or null. */
    static Section byYamlName(String name) {
        for (Section s : values()) {
            if (s != TOP && s.yamlName.equals(name)) {
                return s;
            }
        }
        return null;
    }
}
