package io.github.seq2seq4j.eval;

/** A chrF / chrF++ score in percent with the settings that name it ("chrF2", "chrF2++"). */
public record ChrFScore(double score, int charOrder, int wordOrder, int beta) {
    /** sacreBLEU's name: "chrF" + beta + one '+' per word order. */
    public String name() {
        return "chrF" + beta + "+".repeat(wordOrder);
    }

    /** sacreBLEU's line, e.g. "chrF2 = 59.73". */
    public String format() {
        return format(2);
    }

    public String format(int width) {
        return name() + " = " + PythonText.fixed(score, width);
    }

    @Override
    public String toString() {
        return format();
    }
}
