package io.github.seq2seq4j.examples.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TranslateExampleTest {
    @Test
    void theCommittedModelTranslatesTheOneWordAndTheBatch() {
        ExamplesTestSupport.Output out = new ExamplesTestSupport.Output();
        assertEquals(List.of("hola", "gato", "perro", "luna"), TranslateExample.run(ExamplesTestSupport.MODEL, out.writer));
        assertTrue(out.toString().contains("hello -> hola\ncat -> gato\ndog -> perro\nmoon -> luna\n"), out.toString());
    }

    @Test
    void mainTakesTheModelDirectoryAsItsArgument() {
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            TranslateExample.main(new String[] {ExamplesTestSupport.MODEL.toString()});
        } finally {
            System.setOut(saved);
        }
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("hello -> hola"), bytes.toString(StandardCharsets.UTF_8));
    }
}
