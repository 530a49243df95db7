package io.github.seq2seq4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The registry the command line lists. */
class ExamplesTest {
    @Test
    void listsTheClassicExamplesInOrder() {
        assertEquals(List.of("srn", "rnncell", "hello-ohlol", "words"), Examples.all().stream().map(RunnableExample::name).toList());
        assertEquals("srn, rnncell, hello-ohlol, words", Examples.names());
    }

    @Test
    void findsByExactName() {
        assertTrue(Examples.find("hello-ohlol").isPresent());
        assertTrue(Examples.find("SRN").isEmpty());
        assertTrue(Examples.find("nope").isEmpty());
    }
}
