package io.github.seq2seq4j.examples.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.seq2seq4j.Seq2SeqModel;
import io.github.seq2seq4j.train.Checkpoints;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainExampleTest {
    @TempDir
    Path tmp;

    @Test
    void theToyModelLearnsEveryTrainingWordExactlyAndLeavesCheckpointsAndAModel() {
        ExamplesTestSupport.Output out = new ExamplesTestSupport.Output();
        TrainExample.Result r = TrainExample.run(tmp, out.writer);

        assertEquals("completed 60 epochs", r.training().stopReason(), out.toString());
        assertEquals(120, r.training().steps(), "8 pairs in batches of 4 for 60 epochs");
        assertEquals(100.0, r.training().best().metrics().get("acc"), "every training word right at the best checkpoint");
        assertTrue(r.training().best().value() < 0.05, "dev loss " + r.training().best().value());

        Seq2SeqModel saved = Seq2SeqModel.load(r.modelDir()); // what the example saved loads back
        for (String[] p : TrainExample.PAIRS) {
            assertEquals(p[1], r.model().translate(p[0]), p[0]);
            assertEquals(p[1], saved.translate(p[0]), p[0]);
        }
        // the listener heard of every checkpoint: 6 validations (every 20 steps), "best" when the loss improved,
        // "last" after each validation and each epoch
        assertTrue(r.checkpoints().contains("best@120"), r.checkpoints().toString());
        assertTrue(r.checkpoints().stream().filter(c -> c.startsWith("best@")).count() >= 1);
        for (String name : new String[] {"last", "best"}) {
            assertTrue(Files.isRegularFile(tmp.resolve("checkpoints").resolve(name).resolve(Checkpoints.TRAINER)), name);
        }
        assertTrue(out.toString().contains("  hello  -> hola\n"), out.toString());
    }
}
