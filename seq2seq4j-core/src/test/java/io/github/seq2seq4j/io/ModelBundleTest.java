package io.github.seq2seq4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.seq2seq4j.InputException;
import io.github.seq2seq4j.Seq2SeqModel;
import io.github.seq2seq4j.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving and loading model directories, and every way a directory can be wrong. */
class ModelBundleTest {
    static final String BUNDLE = "models/gru-bahdanau-bi";

    static Path copy(Path dir) throws IOException {
        Path src = Fixtures.path(BUNDLE);
        Path dst = dir.resolve("m");
        Files.createDirectories(dst);
        for (String f : List.of("config.json", "src.vocab", "tgt.vocab", "weights.safetensors")) {
            Files.copy(src.resolve(f), dst.resolve(f));
        }
        return dst;
    }

    @Test
    void saveThenLoadIsBitExactAndByteIdentical(@TempDir Path dir) throws IOException {
        Path original = copy(dir);
        Seq2SeqModel m = Seq2SeqModel.load(original);
        Path saved = dir.resolve("saved");
        m.save(saved);
        for (String f : List.of("config.json", "src.vocab", "tgt.vocab", "weights.safetensors")) {
            assertArrayEquals(Files.readAllBytes(original.resolve(f)), Files.readAllBytes(saved.resolve(f)), f);
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(2, s.count(), "no temporary directories left behind");
        }
        assertEquals(m.translate("hello"), Seq2SeqModel.load(saved).translate("hello"));
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) throws IOException {
        Path m = copy(dir);
        Files.delete(m.resolve("tgt.vocab"));
        InputException e = assertThrows(InputException.class, () -> Seq2SeqModel.load(m));
        assertTrue(e.getMessage().contains("missing tgt.vocab"), e.getMessage());
        assertThrows(InputException.class, () -> Seq2SeqModel.load(dir.resolve("nope")));
    }

    @Test
    void aConfigThatDoesNotMatchTheWeightsNamesTheTensor(@TempDir Path dir) throws IOException {
        Path m = copy(dir);
        Path cfg = m.resolve("config.json");
        Files.writeString(cfg, Files.readString(cfg).replace("\"hidden_size\": 8", "\"hidden_size\": 9"));
        InputException e = assertThrows(InputException.class, () -> Seq2SeqModel.load(m));
        assertTrue(e.getMessage().contains("weights.safetensors") && e.getMessage().contains("encoder."), e.getMessage());
    }

    @Test
    void aVocabularyOfTheWrongSizeIsAShapeError(@TempDir Path dir) throws IOException {
        Path m = copy(dir);
        Files.writeString(m.resolve("src.vocab"), Files.readString(m.resolve("src.vocab")) + "extra\n");
        InputException e = assertThrows(InputException.class, () -> Seq2SeqModel.load(m));
        assertTrue(e.getMessage().contains("src_embed.weight"), e.getMessage());
    }

    @Test
    void badConfigValuesAreOneLineErrors(@TempDir Path dir) throws IOException {
        Path m = copy(dir);
        Path cfg = m.resolve("config.json");
        String good = Files.readString(cfg);
        for (String[] bad : new String[][] {
            {"\"cell\": \"gru\"", "\"cell\": \"transformer\"", "unknown cell"},
            {"\"hidden_size\": 8", "\"hidden_size\": \"8\"", "hidden_size must be an integer"},
            {"\"tokenizer\": \"char\"", "\"tokenizer\": \"sentencepiece\"", "unknown tokenizer"},
            {"\"dropout\": 0.0", "\"dropout\": 1.5", "dropout"}}) {
            Files.writeString(cfg, good.replace(bad[0], bad[1]));
            InputException e = assertThrows(InputException.class, () -> Seq2SeqModel.load(m));
            assertTrue(e.getMessage().contains("config.json") && e.getMessage().contains(bad[2]), e.getMessage());
            assertTrue(!e.getMessage().contains("\n"), "one line");
        }
    }
}
