package io.github.seq2seq4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Top-level behaviour: help, version, and how usage errors look. */
class MainTest {
    @Test
    void helpListsTheCommandsAndExitStatus() {
        CliRun r = CliRun.of("--help");
        assertEquals(0, r.code());
        for (String line : new String[] {"train      Train a model (YAML configuration and/or flags).",
            "translate  Translate lines of text with a trained model.",
            "evaluate   Score translations (BLEU, chrF, WER, CER, PER, accuracy).",
            "average    Average the weights of checkpoints of one run into one model.",
            "inspect    Show a model's configuration, sizes and parameters.",
            "report     Write the HTML report of a training run or a model.",
            "example    Run a classic small demonstration.", "version    Print version information."}) {
            assertTrue(r.out().contains(line), line + "\n" + r.out());
        }
        assertTrue(r.out().contains("--verbose"), r.out());
        assertTrue(r.out().contains("2  the command line was wrong"), r.out());
    }

    @Test
    void versionCommandAndOptionPrintTheProjectVersion() {
        CliRun cmd = CliRun.of("version");
        CliRun opt = CliRun.of("--version");
        assertEquals(0, cmd.code());
        assertEquals(cmd.out(), opt.out());
        String first = cmd.out().lines().findFirst().orElseThrow();
        assertTrue(first.matches("seq2seq4j \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), first); // filtered by the build
        assertTrue(cmd.out().contains("java " + Runtime.version()), cmd.out());
    }

    @Test
    void noCommandIsAUsageError() {
        CliRun r = CliRun.of();
        assertEquals(2, r.code());
        assertEquals(1, r.errLines().size(), r.err());
        assertEquals("seq2seq4j: error: no command given (see 'seq2seq4j --help')", r.errLines().get(0));
    }

    @Test
    void mistypedCommandGetsASuggestion() {
        CliRun r = CliRun.of("exampel", "srn");
        assertEquals(2, r.code());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("did you mean 'example'?"), r.err());
    }

    @Test
    void unknownOptionIsOneLine() {
        CliRun r = CliRun.of("example", "--bogus");
        assertEquals(2, r.code());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().startsWith("seq2seq4j: error: Unknown option: '--bogus'"), r.err());
    }

    @Test
    void verboseShowsTheStackTraceOfAUsageError() {
        CliRun r = CliRun.of("--verbose", "example", "nope");
        assertEquals(2, r.code());
        assertTrue(r.errLines().size() > 1, r.err());
        assertTrue(r.err().contains("ParameterException"), r.err());
    }
}
