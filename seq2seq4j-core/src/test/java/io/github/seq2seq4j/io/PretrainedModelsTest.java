package io.github.seq2seq4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.seq2seq4j.InputException;
import io.github.seq2seq4j.Seq2SeqModel;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PretrainedModelsTest {
    private static final Path BUNDLE = Path.of("src/test/resources/fixtures/java/rnn_tanh-luong_concat");
    private static final List<String> FILES = List.of(ModelBundle.CONFIG, ModelBundle.SRC_VOCAB, ModelBundle.TGT_VOCAB,
            ModelBundle.WEIGHTS);

    @TempDir
    Path tmp;

    @Test
    void loadsABundleFromAJarOnTheClassPathLikeTheDirectory() throws IOException {
        Path jar = tmp.resolve("models.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String f : FILES) {
                out.putNextEntry(new JarEntry(PretrainedModels.ROOT + "tiny/" + f));
                out.write(Files.readAllBytes(BUNDLE.resolve(f)));
                out.closeEntry();
            }
        }
        Seq2SeqModel fromDir = Seq2SeqModel.load(BUNDLE);
        List<String> sources = Files.readAllLines(BUNDLE.resolve("../src.txt"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            Seq2SeqModel fromJar = PretrainedModels.load("tiny", loader, Seq2SeqModel::load);
            assertEquals(fromDir.translate(sources), fromJar.translate(sources));
            List<String> referenceGreedy = Files.readAllLines(BUNDLE.resolve("greedy.txt")).stream()
                    .map(l -> l.substring(0, l.indexOf('\t'))).toList();
            assertEquals(referenceGreedy, fromJar.translate(sources));
        }
    }

    @Test
    void loadsFromADirectoryOnTheClassPathAndDeletesItsCopy() throws IOException {
        Path root = tmp.resolve("classes");
        Path dir = Files.createDirectories(root.resolve(PretrainedModels.ROOT + "tiny"));
        for (String f : FILES) {
            Files.copy(BUNDLE.resolve(f), dir.resolve(f));
        }
        Path[] seen = new Path[1];
        try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
            Seq2SeqModel m = PretrainedModels.load("tiny", loader, p -> {
                seen[0] = p;
                return Seq2SeqModel.load(p);
            });
            assertEquals(Seq2SeqModel.load(BUNDLE).translate("abc"), m.translate("abc"));
        }
        assertFalse(Files.exists(seen[0]), "the temporary copy is removed after loading");
    }

    @Test
    void anUnknownNameSaysWhatToAdd() throws IOException {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            InputException e = assertThrows(InputException.class,
                    () -> PretrainedModels.load("nope", empty, Seq2SeqModel::load));
            assertTrue(e.getMessage().startsWith("no pretrained model 'nope' on the class path"), e.getMessage());
            assertTrue(e.getMessage().contains("seq2seq4j-models"), e.getMessage());
            assertTrue(e.getMessage().contains("g2p-en"), e.getMessage());
        }
        assertEquals("g2p-en-cmudict", PretrainedModels.directoryOf("g2p-en"));
        assertFalse(PretrainedModels.isKnown("../etc"));
        assertFalse(PretrainedModels.isKnown("no-such-model"));
    }

    @Test
    void openPrefersAnExistingDirectory() {
        assertEquals(Seq2SeqModel.load(BUNDLE).translate("abc"), Seq2SeqModel.open(BUNDLE.toString()).translate("abc"));
        InputException e = assertThrows(InputException.class, () -> Seq2SeqModel.open(tmp.resolve("missing").toString()));
        assertTrue(e.getMessage().contains("not a model directory"), e.getMessage());
    }
}
