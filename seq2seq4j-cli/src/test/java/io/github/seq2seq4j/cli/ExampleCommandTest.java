package io.github.seq2seq4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code seq2seq4j example ...} run in-process. */
class ExampleCommandTest {
    @Test
    void srnPrintsTheTextbookOutputs() {
        CliRun r = CliRun.of("example", "srn");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().startsWith("Simple recurrent network (Elman 1990)"), r.out());
        for (String expected : new String[] {"4.000000000", "12.00000000", "32.00000000",
            "1.9280551601516338", "1.9984510891336251", "1.9999753470497836", "1.928055167"}) {
            assertTrue(r.out().contains(expected), "missing " + expected + " in\n" + r.out());
        }
    }

    @Test
    void unknownExampleIsOneErrorLineAndUsageExitCode() {
        CliRun r = CliRun.of("example", "nope");
        assertEquals(2, r.code());
        assertEquals("", r.out());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().startsWith("seq2seq4j: error: unknown example 'nope'; choose one of srn, rnncell, hello-ohlol, words"), r.err());
    }

    @Test
    void listShowsEveryExampleWithItsSummary() {
        CliRun r = CliRun.of("example", "--list");
        assertEquals(0, r.code());
        assertEquals(4, r.out().lines().count(), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("hello-ohlol ") && l.contains("ohlol")), r.out());
    }

    @Test
    void missingNameAndNameWithListAreUsageErrors() {
        CliRun none = CliRun.of("example");
        assertEquals(2, none.code());
        assertEquals(1, none.errLines().size(), none.err());
        assertTrue(none.err().contains("missing example NAME"), none.err());

        CliRun both = CliRun.of("example", "--list", "srn");
        assertEquals(2, both.code());
        assertTrue(both.err().contains("not both"), both.err());
    }

    @Test
    void helpNamesTheExamples() {
        CliRun r = CliRun.of("example", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("srn, rnncell, hello-ohlol, words"), r.out());
        assertTrue(r.out().contains("--list"), r.out());
    }
}
