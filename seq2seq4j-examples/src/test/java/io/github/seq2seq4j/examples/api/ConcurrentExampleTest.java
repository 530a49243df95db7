package io.github.seq2seq4j.examples.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConcurrentExampleTest {
    @Test
    void manyThreadsGetExactlyTheAnswersOfOneThread() throws InterruptedException {
        ExamplesTestSupport.Output out = new ExamplesTestSupport.Output();
        ConcurrentExample.Result r = ConcurrentExample.run(ExamplesTestSupport.MODEL, 8, 160, out.writer);
        assertEquals(160, r.translations().size());
        assertEquals(0, r.mismatches(), out.toString());
        assertTrue(r.threadsSeen() > 1, "the work was spread over threads: " + r.threadsSeen());
        assertEquals(List.of("hola", "gato", "perro", "bueno", "casa", "agua", "luna", "libro"),
                List.copyOf(r.reference().values()));
        for (int i = 0; i < r.translations().size(); i++) {
            assertEquals(r.reference().get(ConcurrentExample.WORDS.get(i % 8)), r.translations().get(i), "task " + i);
        }
        assertTrue(out.toString().startsWith("160 translations on 8 threads"), out.toString());
    }
}
