package io.github.seq2seq4j.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.seq2seq4j.cli.report.TextDiff.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextDiffTest {
    @Test
    void marksTokensOutsideTheCommonSubsequence() {
        TextDiff.Result d = TextDiff.diff("the boy is eating now", "the child eats now");
        assertEquals(List.of(new Span("the ", false), new Span("boy is eating", true), new Span(" now", false)),
                d.hypothesis());
        assertEquals(List.of(new Span("the ", false), new Span("child eats", true), new Span(" now", false)),
                d.reference());
    }

    @Test
    void comparesCharactersWhenNeitherSideHasSpaces() {
        TextDiff.Result d = TextDiff.diff("tomorow", "tomorrow");
        assertEquals(List.of(new Span("tomorow", false)), d.hypothesis());
        assertEquals(List.of(new Span("tomor", false), new Span("r", true), new Span("ow", false)), d.reference());
    }

    @Test
    void emptyAndIdenticalSides() {
        assertEquals(List.of(new Span("a b", false)), TextDiff.diff("a b", "a b").hypothesis());
        TextDiff.Result d = TextDiff.diff("", "x y");
        assertEquals(List.of(), d.hypothesis());
        assertEquals(List.of(new Span("x y", true)), d.reference());
    }
}
