package io.github.seq2seq4j.cli.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.seq2seq4j.cli.config.RunConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CMUdict sample bundled for the demo: counts, format, no leak from dev to train, licence, provenance. */
class DemoDataTest {
    /** Written by tools/make_demo_data.py --train-every 11 --dev-every 12 (see the sample's README.md). */
    private static final int TRAIN_EVERY = 11;
    private static final int DEV_EVERY = 12;
    private static final int TRAIN_WORDS = 9605;
    private static final int TRAIN_LINES = 10278;
    private static final int DEV_WORDS = 495;
    private static final int DEV_LINES = 533;
    private static final Set<String> PHONEMES = Set.of("AA", "AE", "AH", "AO", "AW", "AY", "B", "CH", "D", "DH", "EH",
            "ER", "EY", "F", "G", "HH", "IH", "IY", "JH", "K", "L", "M", "N", "NG", "OW", "OY", "P", "R", "S", "SH", "T",
            "TH", "UH", "UW", "V", "W", "Y", "Z", "ZH");

    @TempDir
    Path tmp;

    /** Word → its pronunciations, checking the format and that a word's lines are consecutive. */
    private static Map<String, List<String>> words(List<String> lines, String file) {
        Map<String, List<String>> words = new LinkedHashMap<>();
        String previous = null;
        for (String line : lines) {
            String[] parts = line.split("\t", -1);
            assertEquals(2, parts.length, file + ": " + line);
            assertTrue(parts[0].matches("[a-z]( [a-z])*"), file + ": letters: " + line);
            for (String p : parts[1].split(" ", -1)) {
                assertTrue(PHONEMES.contains(p), file + ": phoneme '" + p + "' in " + line);
            }
            assertTrue(parts[0].equals(previous) || !words.containsKey(parts[0]), file + ": lines of a word apart: " + line);
            words.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(parts[1]);
            previous = parts[0];
        }
        return words;
    }

    @Test
    void countsAreTheReadmesAndNoDevWordIsInTheTrainingSample() {
        Map<String, List<String>> train = words(DemoData.lines(DemoData.TRAIN), DemoData.TRAIN);
        Map<String, List<String>> dev = words(DemoData.lines(DemoData.DEV), DemoData.DEV);
        assertEquals(TRAIN_WORDS, train.size());
        assertEquals(TRAIN_LINES, DemoData.lines(DemoData.TRAIN).size());
        assertEquals(DEV_WORDS, dev.size());
        assertEquals(DEV_LINES, DemoData.lines(DemoData.DEV).size());
        for (String word : dev.keySet()) {
            assertFalse(train.containsKey(word), "dev word in the training sample: " + word);
        }
        String readme = new String(DemoData.bytes(DemoData.README), StandardCharsets.UTF_8);
        assertTrue(readme.contains(String.format("| %,d of 105,652 | %,d |", TRAIN_WORDS, TRAIN_LINES)), readme);
        assertTrue(readme.contains(String.format("| %,d of 5,939 | %,d |", DEV_WORDS, DEV_LINES)), readme);
        assertTrue(readme.contains("--train-every " + TRAIN_EVERY + " --dev-every " + DEV_EVERY), readme);
    }

    @Test
    void theLicenceTravelsWithTheDataAndTheOriginIsAcknowledged() {
        String licence = new String(DemoData.bytes(DemoData.LICENSE), StandardCharsets.UTF_8);
        assertTrue(licence.startsWith("Copyright (C) 1993-2015 Carnegie Mellon University. All rights reserved."), licence);
        assertTrue(licence.contains("Redistributions in binary form must reproduce the above copyright"), licence);
        String readme = new String(DemoData.bytes(DemoData.README), StandardCharsets.UTF_8);
        assertTrue(readme.contains("CMU Pronouncing Dictionary"), readme);
        assertTrue(readme.contains("`LICENSE`"), readme);
    }

    @Test
    void theFilesInTheJarAreTheOnesTheScriptWrote() throws NoSuchAlgorithmException {
        // the build copies resources through a filter; the checksums prove it changed no byte
        List<String> sums = DemoData.lines(DemoData.SUMS);
        assertEquals(2, sums.size(), sums.toString());
        for (String line : sums) {
            String[] parts = line.split(" {2}", -1);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(DemoData.bytes(parts[1]));
            assertEquals(parts[0], HexFormat.of().formatHex(digest), parts[1]);
        }
    }

    @Test
    void theSampleFollowsItsDocumentedRuleWhenTheSharedDataIsPresent() throws IOException {
        Path dir = null;
        for (Path d = Path.of("").toAbsolutePath(); d != null && dir == null; d = d.getParent()) {
            Path candidate = d.resolve("shared/data/cmudict");
            dir = Files.isRegularFile(candidate.resolve("train.tsv")) ? candidate : null;
        }
        Assumptions.assumeTrue(dir != null, "shared data not present");
        assertEquals(DemoData.lines(DemoData.TRAIN), everyNth(Files.readAllLines(dir.resolve("train.tsv")), TRAIN_EVERY));
        assertEquals(DemoData.lines(DemoData.DEV), everyNth(Files.readAllLines(dir.resolve("dev.tsv")), DEV_EVERY));
        assertArrayEquals(Files.readAllBytes(dir.resolve("LICENSE")), DemoData.bytes(DemoData.LICENSE));
    }

    /** The lines of words 0, n, 2n, ... in file order, each word with all its lines. */
    private static List<String> everyNth(List<String> lines, int n) {
        List<String> out = new ArrayList<>();
        int word = -1;
        String previous = null;
        for (String line : lines) {
            String w = line.substring(0, line.indexOf('\t'));
            if (!w.equals(previous)) {
                word++;
                previous = w;
            }
            if (word % n == 0) {
                out.add(line);
            }
        }
        return out;
    }

    @Test
    void copiedFilesAreWhatTheDemoConfigurationReads() throws IOException {
        DemoData.copyTo(tmp);
        for (String name : DemoData.FILES) {
            assertArrayEquals(DemoData.bytes(name), Files.readAllBytes(tmp.resolve(name)), name);
        }
        Path out = tmp.resolve("out");
        RunConfig c = DemoConfig.of(tmp.resolve(DemoData.CONFIG), out, 7L, 1, false);
        assertEquals(tmp.resolve(DemoData.TRAIN).toAbsolutePath().normalize(), c.path("data.train").toAbsolutePath().normalize());
        assertEquals(tmp.resolve(DemoData.DEV).toAbsolutePath().normalize(), c.path("data.dev").toAbsolutePath().normalize());
        assertEquals(out, c.path("out"));
        assertEquals(7L, c.longValue("seed"));
        assertEquals("--seed", c.origin("seed"));
        assertEquals(1, c.integer("threads"));
        assertEquals("--threads", c.origin("threads"));
        assertEquals("whitespace", c.string("data.tokenizer"));
        assertEquals("bahdanau", c.string("model.attention"));
        assertTrue(c.bool("model.bidirectional"));
        assertEquals("acc", c.string("training.early_stop_metric"));
        assertEquals(0L, c.longValue("training.max_steps"), "the full run ends by its epochs");

        RunConfig quick = DemoConfig.of(tmp.resolve(DemoData.CONFIG), out, null, null, true);
        assertEquals(1, quick.integer("training.epochs"));
        assertEquals(DemoConfig.QUICK_STEPS, quick.longValue("training.max_steps"));
        assertEquals(c.integer("model.hidden_size"), quick.integer("model.hidden_size"), "same model");
        assertEquals(1L, quick.longValue("seed"), "the file's seed");
        assertEquals(0, quick.integer("threads"), "one per processor");
    }
}
