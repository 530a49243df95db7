package io.github.seq2seq4j.server;

import io.github.seq2seq4j.Seq2SeqModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The test models: random tiny bundles exported by the PyTorch reference (copied from the core's
 * fixtures), with the reference's beam-5 outputs for src.txt.
 */
public final class Fixtures {
    /** GRU, bidirectional encoder, Bahdanau attention, char tokens. */
    public static final String CHAR_MODEL = "gru-bahdanau-bi";
    /** GRU, bidirectional encoder, Luong general attention, whitespace tokens. */
    public static final String WORD_MODEL = "x-gru-luong_general-bi-whitespace";

    private Fixtures() {}

    public static Path modelDir(String name) {
        return resource("models/" + name);
    }

    public static Path resource(String name) {
        try {
            return Path.of(Fixtures.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource " + name, e);
        }
    }

    public static Seq2SeqModel load(String name) {
        return Seq2SeqModel.load(modelDir(name));
    }

    /** Both test models, the char model first (the default). */
    public static ModelRegistry registry() {
        return ModelRegistry.of(List.of(new ServedModel(CHAR_MODEL, modelDir(CHAR_MODEL), load(CHAR_MODEL)),
                new ServedModel(WORD_MODEL, modelDir(WORD_MODEL), load(WORD_MODEL))));
    }

    public static List<String> lines(String resource) {
        try {
            return Files.readAllLines(resource(resource), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
