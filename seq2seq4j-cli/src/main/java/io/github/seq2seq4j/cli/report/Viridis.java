package io.github.seq2seq4j.cli.report;

import java.awt.Color;

/**
 * The viridis colour map (van der Walt and Smith, matplotlib 2.0) as nine evenly spaced stops,
 * which XChart interpolates linearly: a sequential map from dark purple (0) to yellow (1) whose
 * lightness rises steadily, so weights read the same in colour, in grey and to colour-blind eyes.
 */
final class Viridis {
    private static final int[] STOPS = {
        0x440154, 0x472D7B, 0x3B528B, 0x2C728E, 0x21918C, 0x28AE80, 0x5EC962, 0xADDC30, 0xFDE725
    };

    private Viridis() {}

    /** The stops, from 0 (first) to 1 (last). */
    static Color[] stops() {
        Color[] colors = new Color[STOPS.length];
        for (int i = 0; i < STOPS.length; i++) {
            colors[i] = new Color(STOPS[i]);
        }
        return colors;
    }
}
