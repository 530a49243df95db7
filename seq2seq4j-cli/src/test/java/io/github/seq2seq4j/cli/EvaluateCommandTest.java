package io.github.seq2seq4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.seq2seq4j.Seq2SeqModel;
import io.github.seq2seq4j.eval.Metrics;
import io.github.seq2seq4j.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code seq2seq4j evaluate}: scores from files and from decoding, and one-line errors for bad input. */
class EvaluateCommandTest {
    @TempDir
    Path tmp;

    private Path file(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void jsonIsOneObjectWithSixDecimalsInTheAskedOrder() throws IOException {
        Path hyp = file("hyp.txt", "the cat sat on the mat\nhello world\n");
        Path ref = file("ref.txt", "the cat sat on a mat\nhello world\n");
        CliRun r = CliRun.of("evaluate", "--hyp", hyp.toString(), "--ref", ref.toString(), "--metrics", "acc,wer,bleu", "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals(1, r.out().lines().count(), r.out());
        assertTrue(r.out().matches("\\{\"acc\": 50\\.000000, \"wer\": 12\\.500000, \"bleu\": \\d+\\.\\d{6}}\\s*"), r.out());
        Map<?, ?> parsed = (Map<?, ?>) Json.parse(r.out());
        List<String> hyps = List.of("the cat sat on the mat", "hello world");
        List<List<String>> refs = List.of(List.of("the cat sat on a mat"), List.of("hello world"));
        assertEquals(Metrics.byName("bleu").score(hyps, refs), ((Number) parsed.get("bleu")).doubleValue(), 5e-7);
    }

    @Test
    void severalReferenceFilesGiveEachHypothesisSeveralReferences() throws IOException {
        Path hyp = file("hyp.txt", "a b\nc d\n");
        Path ref1 = file("r1.txt", "a b\nx y\n");
        Path ref2 = file("r2.txt", "z z\nc d\n");
        CliRun one = CliRun.of("evaluate", "--hyp", hyp.toString(), "--ref", ref1.toString(), "--metrics", "acc", "--json");
        CliRun two = CliRun.of("evaluate", "--hyp", hyp.toString(), "--ref", ref1.toString(), "--ref", ref2.toString(),
                "--metrics", "acc", "--json");
        assertEquals("{\"acc\": 50.000000}", one.out().strip());
        assertEquals("{\"acc\": 100.000000}", two.out().strip());
    }

    @Test
    void tableIsReadable() throws IOException {
        Path hyp = file("hyp.txt", "the cat sat on the mat\n");
        CliRun r = CliRun.of("evaluate", "--hyp", hyp.toString(), "--ref", hyp.toString(), "--metrics", "bleu,chrf");
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("metric      score", "bleu       100.00", "chrf       100.00", "1 segment, 1 reference each"),
                r.out().lines().toList());
    }

    @Test
    void aTestSetIsDecodedAndScoredOnDistinctSourcesWithAlternativeReferences() throws IOException {
        Path bundle = ReferenceModels.dir("gru-bahdanau-bi");
        List<String> greedy = ReferenceModels.lines(bundle.resolve("greedy.txt"));
        String cat = greedy.get(2).split("\t")[0]; // the model's greedy output for "cat"
        String dogs = greedy.get(3).split("\t")[0];
        // "cat" has a wrong and a right reference: it counts once, as correct; "dogs" is wrong
        Path test = file("test.tsv", "cat\tnope\ncat\t" + cat + "\ndogs\t" + dogs + "x\n");
        CliRun r = CliRun.of("evaluate", "--model", bundle.toString(), "--test", test.toString(), "--metrics", "acc", "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals("{\"acc\": 50.000000}", r.out().strip());
        CliRun table = CliRun.of("evaluate", "--model", bundle.toString(), "--test", test.toString(), "--metrics", "acc");
        assertTrue(table.out().contains("2 distinct sources (3 lines), greedy decoding"), table.out());
    }

    @Test
    void spelledWordsAreScoredWithTheG2pWordErrorRateUnlessTextScoringIsAsked() throws IOException {
        Path bundle = ReferenceModels.dir("gru-bahdanau-bi");
        Seq2SeqModel model = Seq2SeqModel.load(bundle);
        String cat = model.translate("c a t");
        String dog = model.translate("d o g");
        // "c a t" gets one wrong reference (an extra token), "d o g" its own output: 1 word of 2 wrong.
        Path test = file("test.tsv", "c a t\t" + cat + " X\nd o g\t" + dog + "\n");
        CliRun auto = CliRun.of("evaluate", "--model", bundle.toString(), "--test", test.toString(), "--metrics", "wer,ser", "--json");
        assertEquals(0, auto.code(), auto.err());
        assertEquals("{\"wer\": 50.000000, \"ser\": 50.000000}", auto.out().strip());
        CliRun table = CliRun.of("evaluate", "--model", bundle.toString(), "--test", test.toString(), "--metrics", "wer");
        assertTrue(table.out().contains("wer counts words whose output matches none of their references"), table.out());

        double editWer = Metrics.byName("wer").score(List.of(cat, dog), List.of(List.of(cat + " X"), List.of(dog)));
        CliRun text = CliRun.of("evaluate", "--model", bundle.toString(), "--test", test.toString(), "--metrics", "wer",
                "--scoring", "text", "--json");
        assertEquals(String.format(java.util.Locale.ROOT, "{\"wer\": %.6f}", editWer), text.out().strip());
        assertTrue(editWer < 50.0, "the edit distance counts one token, not one word: " + editWer);

        CliRun bad = CliRun.of("evaluate", "--model", bundle.toString(), "--test", test.toString(), "--scoring", "g2p");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--scoring: expected auto, text or words, got 'g2p'"), bad.err());
    }

    @Test
    void differentLineCountsAreOneErrorLine() throws IOException {
        Path hyp = file("hyp.txt", "a\nb\nc\n");
        Path ref = file("ref.txt", "a\nb\n");
        CliRun r = CliRun.of("evaluate", "--hyp", hyp.toString(), "--ref", ref.toString());
        assertEquals(1, r.code());
        assertEquals(List.of("seq2seq4j: error: " + hyp + " has 3 lines but " + ref + " has 2; hypotheses and references"
                + " must be line-aligned"), r.errLines());
    }

    @Test
    void emptyFilesAreOneErrorLine() throws IOException {
        Path empty = file("empty.txt", "");
        Path ref = file("ref.txt", "a\n");
        CliRun hyp = CliRun.of("evaluate", "--hyp", empty.toString(), "--ref", ref.toString());
        assertEquals(1, hyp.code());
        assertEquals(List.of("seq2seq4j: error: " + empty + ": the file is empty"), hyp.errLines());
        CliRun test = CliRun.of("evaluate", "--model", ReferenceModels.dir("gru-bahdanau-bi").toString(), "--test", empty.toString());
        assertEquals(1, test.code());
        assertEquals(1, test.errLines().size(), test.err());
        assertTrue(test.err().contains("no source<TAB>target pairs"), test.err());
    }

    @Test
    void invalidUtf8IsOneErrorLineWithFileAndLine() throws IOException {
        Path bad = tmp.resolve("bad.txt");
        Files.write(bad, new byte[] {'a', '\n', 'b', (byte) 0xFF, '\n'});
        Path ref = file("ref.txt", "a\nb\n");
        CliRun r = CliRun.of("evaluate", "--hyp", bad.toString(), "--ref", ref.toString());
        assertEquals(1, r.code());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().startsWith("seq2seq4j: error: " + bad + ":2: invalid UTF-8 at byte 2"), r.err());
    }

    @Test
    void unknownMetricIsAUsageError() throws IOException {
        Path hyp = file("hyp.txt", "a\n");
        CliRun r = CliRun.of("evaluate", "--hyp", hyp.toString(), "--ref", hyp.toString(), "--metrics", "bleu,blue");
        assertEquals(2, r.code());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("unknown metric 'blue'; known metrics: bleu, chrf, chrf++, wer, cer, per, ser, acc"), r.err());
    }

    @Test
    void mixingOrMissingModesIsAUsageError() throws IOException {
        Path hyp = file("hyp.txt", "a\n");
        assertEquals(2, CliRun.of("evaluate").code());
        assertEquals(2, CliRun.of("evaluate", "--hyp", hyp.toString()).code());
        CliRun both = CliRun.of("evaluate", "--hyp", hyp.toString(), "--ref", hyp.toString(), "--test", hyp.toString());
        assertEquals(2, both.code());
        assertTrue(both.err().contains("give --hyp FILE with --ref FILE, or --model DIR with --test FILE"), both.err());
    }

    @Test
    void badTestSetLineNamesFileAndLine() throws IOException {
        Path test = file("test.tsv", "a\tb\nno tab here\n");
        CliRun r = CliRun.of("evaluate", "--model", ReferenceModels.dir("gru-bahdanau-bi").toString(), "--test", test.toString());
        assertEquals(1, r.code());
        assertEquals(List.of("seq2seq4j: error: " + test + ":2: expected source<TAB>target, found no TAB"), r.errLines());
    }
}
