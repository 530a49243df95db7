package io.github.seq2seq4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.seq2seq4j.Seq2SeqModel;
import io.github.seq2seq4j.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AverageCommandTest {
    @TempDir
    Path tmp;

    @Test
    void theAverageOfAModelAndItsTripleIsItsDouble() {
        Path original = ReferenceModels.dir("gru-bahdanau-bi");
        Seq2SeqModel tripled = Seq2SeqModel.load(original);
        for (Tensor t : tripled.network().namedParameters().values()) {
            float[] d = t.data();
            for (int i = 0; i < t.size(); i++) {
                d[t.offset() + i] *= 3;
            }
        }
        Path b = tmp.resolve("b");
        tripled.save(b);
        Path out = tmp.resolve("avg");
        CliRun r = CliRun.of("average", "--out", out.toString(), original.toString(), b.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("averaged 2 checkpoints into " + out), r.out());
        Map<String, Tensor> want = Seq2SeqModel.load(original).network().namedParameters();
        Map<String, Tensor> got = Seq2SeqModel.load(out).network().namedParameters();
        assertEquals(want.keySet(), got.keySet());
        for (String name : want.keySet()) {
            float[] w = want.get(name).toArray();
            float[] g = got.get(name).toArray();
            for (int i = 0; i < w.length; i++) {
                assertEquals(2 * w[i], g[i], 1e-6f * Math.max(1f, Math.abs(2 * w[i])), name + "[" + i + "]");
            }
        }
    }

    @Test
    void refusesMismatchedModelsAnExistingOutputAndRepeats() {
        Path a = ReferenceModels.dir("gru-bahdanau-bi");
        Path other = ReferenceModels.dir("lstm-luong_general-uni");
        Path out = tmp.resolve("avg");
        CliRun mismatch = CliRun.of("average", "--out", out.toString(), a.toString(), other.toString());
        assertEquals(1, mismatch.errLines().size(), mismatch.err());
        assertTrue(mismatch.err().contains("only checkpoints of one run can be averaged"), mismatch.err());
        assertFalse(Files.exists(out), "nothing is written on error");

        CliRun twice = CliRun.of("average", "--out", out.toString(), a.toString(), a.toString());
        assertTrue(twice.err().contains("a checkpoint is listed twice"), twice.err());

        assertEquals(0, CliRun.of("average", "--out", out.toString(), a.toString()).code());
        CliRun exists = CliRun.of("average", "--out", out.toString(), a.toString());
        assertTrue(exists.err().contains("exists; give --force to replace it"), exists.err());
    }
}
