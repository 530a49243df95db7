package io.github.seq2seq4j.cli.demo;

import io.github.seq2seq4j.InputException;
import io.github.seq2seq4j.cli.report.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The CMUdict sample bundled in the jar for {@code seq2seq4j demo}: a training and a dev file of
 * word → phoneme pairs, CMU's licence, a README that acknowledges the dictionary's origin and says
 * how the sample was drawn, the files' SHA-256 sums, and the demo's training configuration. The
 * files are written by {@code tools/make_demo_data.py}; the demo copies them all into its output
 * directory, so the licence travels with the data and the run's {@code run.yaml} points at real
 * files.
 */
public final class DemoData {
    /** The training pairs, {@code "t o m a t o<TAB>T AH M EY T OW"}, a word's pronunciations together. */
    public static final String TRAIN = "train.tsv";
    /** The held-out pairs: words that are not in {@link #TRAIN}. */
    public static final String DEV = "dev.tsv";
    /** CMU's licence for the dictionary. */
    public static final String LICENSE = "LICENSE";
    /** Origin, acknowledgement and sampling rule of the data. */
    public static final String README = "README.md";
    /** {@code sha256sum} lines of {@link #TRAIN} and {@link #DEV}. */
    public static final String SUMS = "SHA256SUMS";
    /** The training configuration of the demo; its data paths are relative to it. */
    public static final String CONFIG = "demo.yaml";
    /** Every bundled file, in the order they are copied. */
    public static final List<String> FILES = List.of(TRAIN, DEV, LICENSE, README, SUMS, CONFIG);

    private static final String DIR = "/io/github/seq2seq4j/cli/demo/";

    private DemoData() {}

    /** The bytes of a bundled file; an {@link IllegalStateException} if the jar lacks it. */
    public static byte[] bytes(String name) {
        try (InputStream in = DemoData.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("the demo's " + name + " is missing from the jar (" + DIR + name + ")");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the demo's " + name + " from the jar: " + e.getMessage(), e);
        }
    }

    /** The lines of a bundled text file (UTF-8). */
    public static List<String> lines(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8).lines().toList();
    }

    /** Copies every bundled file into {@code dir} (created if needed), each written whole. */
    public static void copyTo(Path dir) {
        for (String name : FILES) {
            Path target = dir.resolve(name);
            try {
                AtomicFiles.write(target, bytes(name));
            } catch (IOException e) {
                throw new InputException(target + ": cannot write: " + e.getMessage(), e);
            }
        }
    }
}
