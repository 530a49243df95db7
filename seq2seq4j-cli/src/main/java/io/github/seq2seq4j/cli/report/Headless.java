package io.github.seq2seq4j.cli.report;

/** Puts AWT into headless mode before the first chart is drawn: reports run on servers without a display. */
final class Headless {
    private Headless() {}

    /** Sets {@code java.awt.headless=true} unless the user chose a value. */
    static void ensure() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }
}
