package io.github.seq2seq4j.io;

import io.github.seq2seq4j.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Model bundles shipped on the class path (the {@code seq2seq4j-models} artifact, or any jar or
 * directory with the same layout): {@code io/github/seq2seq4j/models/NAME/} holding the files of a
 * {@link ModelBundle}. A bundle is copied to a temporary directory, loaded, and the copy deleted,
 * so it works from any class loader (plain jars, shaded jars, nested jars, directories).
 */
public final class PretrainedModels {
    /** Where bundles live on the class path. */
    public static final String ROOT = "io/github/seq2seq4j/models/";

    /** Short names: "g2p-en" is the CMUdict English grapheme-to-phoneme model. */
    public static final Map<String, String> ALIASES = Map.of("g2p-en", "g2p-en-cmudict");

    private PretrainedModels() {}

    /** The bundle directory name for a short name or a directory name. */
    public static String directoryOf(String name) {
        return ALIASES.getOrDefault(name, name);
    }

    /** Whether {@code name} is a short name or a directory name of a bundle on the class path. */
    public static boolean isKnown(String name) {
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            return false;
        }
        return defaultLoader().getResource(ROOT + directoryOf(name) + "/" + ModelBundle.CONFIG) != null;
    }

    /** The thread's context class loader, else this library's: where pretrained bundles are looked up. */
    public static ClassLoader defaultLoader() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loader != null ? loader : PretrainedModels.class.getClassLoader();
    }

    /**
     * Loads {@code name} ("g2p-en" or a directory name under {@link #ROOT}) with {@code loader}, the
     * files' class loader, into whatever {@code load} builds from a bundle directory.
     */
    public static <T> T load(String name, ClassLoader loader, Function<Path, T> load) {
        String dir = ROOT + directoryOf(name) + "/";
        if (loader.getResource(dir + ModelBundle.CONFIG) == null) {
            throw new InputException("no pretrained model '" + name + "' on the class path (looked for " + dir
                    + ModelBundle.CONFIG + "); add the io.github.seq2seq4j:seq2seq4j-models artifact; known names: "
                    + String.join(", ", ALIASES.keySet()));
        }
        Path tmp;
        try {
            tmp = Files.createTempDirectory("seq2seq4j-pretrained-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for pretrained model '" + name + "'", e);
        }
        try {
            for (String file : List.of(ModelBundle.CONFIG, ModelBundle.SRC_VOCAB, ModelBundle.TGT_VOCAB,
                    ModelBundle.WEIGHTS, ModelBundle.BPE_MERGES)) {
                try (InputStream in = loader.getResourceAsStream(dir + file)) {
                    if (in != null) {
                        Files.copy(in, tmp.resolve(file));
                    }
                }
            }
            return load.apply(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read pretrained model '" + name + "' from the class path", e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }
}
