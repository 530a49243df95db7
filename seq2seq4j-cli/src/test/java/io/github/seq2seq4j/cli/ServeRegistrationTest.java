package io.github.seq2seq4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The serve command (seq2seq4j-server) is wired into the command line and its error handling. */
class ServeRegistrationTest {
    @Test
    void helpListsServe() {
        CliRun r = CliRun.of("--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("serve      Serve models over HTTP"), r.out());
    }

    @Test
    void serveWithoutAModelIsAUsageError() {
        CliRun r = CliRun.of("serve");
        assertEquals(2, r.code());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().startsWith("seq2seq4j: error: Missing required option: '--model=[NAME=]DIR'"), r.err());
    }

    @Test
    void aModelThatCannotBeLoadedIsOneErrorLine() {
        CliRun r = CliRun.of("serve", "--model", "ghost=/nonexistent/model", "--port", "0");
        assertEquals(1, r.code());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().startsWith("seq2seq4j: error: cannot load model 'ghost' from /nonexistent/model"), r.err());
    }
}
