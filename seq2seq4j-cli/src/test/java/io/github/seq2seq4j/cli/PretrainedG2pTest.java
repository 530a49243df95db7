package io.github.seq2seq4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.seq2seq4j.Seq2SeqModel;
import io.github.seq2seq4j.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The shipped model models/g2p-en-cmudict: it loads from the class path by name, pronounces words,
 * and — when ../shared/data is beside the repository — {@code evaluate} reproduces the dev scores
 * its model card states.
 */
class PretrainedG2pTest {
    private static final Path CARD = Path.of("../models/g2p-en-cmudict/MODEL_CARD.md");

    @Test
    void loadsFromTheClassPathByNameAndPronouncesCommonWords() {
        Seq2SeqModel model = Seq2SeqModel.pretrained("g2p-en");
        // each has one pronunciation in CMUdict; "cat" and "water" are training words, "dog" too
        assertEquals(List.of("K AE T", "W AO T ER", "D AO G"), model.translate(List.of("c a t", "w a t e r", "d o g")));
    }

    @Test
    void translateAcceptsTheModelNameOnTheCommandLine() {
        CliRun r = TranslateCommandTest.translate("d o g\n", "--model", "g2p-en");
        assertEquals(0, r.code(), r.err());
        assertEquals("D AO G", r.out().strip());
    }

    @Test
    void evaluateReproducesTheModelCardsDevScores() throws IOException {
        Path dev = sharedDev();
        Assumptions.assumeTrue(dev != null, "../shared/data/cmudict is not beside the repository");
        String card = Files.readString(CARD);
        // The card's headline row: "| averaged, beam 5 (shipped) | 25.73 | 6.18 |".
        Matcher m = Pattern.compile("\\| averaged, beam 5 \\(shipped\\) \\| ([0-9.]+) \\| ([0-9.]+) \\|").matcher(card);
        assertTrue(m.find(), "the model card states the beam-5 dev scores");
        double wer = Double.parseDouble(m.group(1));
        double per = Double.parseDouble(m.group(2));
        CliRun r = CliRun.of("evaluate", "--model", "../models/g2p-en-cmudict", "--test", dev.toString(),
                "--beam", "5", "--metrics", "wer,per", "--json");
        assertEquals(0, r.code(), r.err());
        Map<?, ?> scores = (Map<?, ?>) Json.parse(r.out());
        assertEquals(wer, ((Number) scores.get("wer")).doubleValue(), 0.005, r.out());
        assertEquals(per, ((Number) scores.get("per")).doubleValue(), 0.005, r.out());
        // Issue 7's goal, which the shipped model meets on dev.
        assertTrue(wer <= 26.0 && per <= 6.5, "dev WER " + wer + " %, PER " + per + " %: the goal is <= 26 / <= 6.5");
    }

    private static Path sharedDev() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path candidate = d.resolve("shared/data/cmudict/dev.tsv");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
