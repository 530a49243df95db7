package io.github.seq2seq4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.seq2seq4j.data.CharTokenizer;
import io.github.seq2seq4j.data.WhitespaceTokenizer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordTranslationTest {
    @Test
    void helloHolaCatGatoGoodBueno() {
        WordTranslation.Result r = WordTranslation.train(WordTranslation.WORDS, new CharTokenizer(), 150, 5);
        assertEquals(List.of("hola", "gato", "bueno"), r.translations());
        assertTrue(r.epochLosses().get(r.epochLosses().size() - 1) < 0.1 * r.epochLosses().get(0));
    }

    @Test
    void toyMappingOfTokenIds() {
        WordTranslation.Result r = WordTranslation.train(WordTranslation.TOY_MAPPING, new WhitespaceTokenizer(), 60, 3);
        assertEquals(List.of("2 1 3 0"), r.translations());
    }

    @Test
    void printsTheLearnedTranslations() {
        StringWriter s = new StringWriter();
        WordTranslation.print(new PrintWriter(s));
        assertTrue(s.toString().contains("hello      -> hola       ok"), s.toString());
        assertEquals(2, s.toString().split("learned exactly", -1).length - 1, s.toString());
    }
}
