package io.github.seq2seq4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.seq2seq4j.Seq2SeqModel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code seq2seq4j inspect} on reference bundles. */
class InspectCommandTest {
    @Test
    void printsConfigurationSizesAndEveryParameterWithItsShape() {
        Path bundle = ReferenceModels.dir("x-gru-bahdanau-bi-layers2");
        CliRun r = CliRun.of("inspect", "--model", bundle.toString());
        assertEquals(0, r.code(), r.err());
        Seq2SeqModel m = Seq2SeqModel.load(bundle);
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.contains(String.format("%-19s %s", "cell", "gru")), r.out());
        assertTrue(lines.contains(String.format("%-19s %s", "layers", "2")), r.out());
        assertTrue(lines.contains(String.format("%-19s %s", "tokenizer", "char")), r.out());
        assertTrue(lines.contains(String.format("%-19s %,d tokens", "source vocabulary", m.sourceVocabulary().size())), r.out());
        assertTrue(lines.contains(String.format("%-19s %,d", "parameters", m.parameterCount())), r.out());
        var state = m.network().stateDict();
        state.forEach((name, t) -> {
            String shape = Arrays.toString(t.shape());
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(name + " ") && l.contains(shape)), name + " " + shape + "\n" + r.out());
        });
        assertTrue(state.containsKey("encoder.weight_ih_l1_reverse"), "the reference's names");
    }

    @Test
    void tiedOutputIsMarked() {
        CliRun r = CliRun.of("inspect", "--model", ReferenceModels.dir("x-gru-luong_dot-uni-tied").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("output.weight ") && l.endsWith("(the same tensor as tgt_embed.weight)")),
                r.out());
    }

    @Test
    void aDirectoryWithoutAModelIsOneErrorLine() {
        CliRun r = CliRun.of("inspect", "--model", "no/such/dir");
        assertEquals(1, r.code());
        assertEquals(List.of("seq2seq4j: error: no/such/dir: not a model directory"), r.errLines());
    }
}
