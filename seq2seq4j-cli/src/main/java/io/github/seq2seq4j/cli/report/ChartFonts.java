package io.github.seq2seq4j.cli.report;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Chooses the font family for chart text. Token labels carry characters a plain Latin font lacks:
 * {@code ▁} (U+2581, the character tokenizer's space), accented letters, other scripts. DejaVu Sans
 * (Debian's {@code fonts-dejavu-core}) covers all of these but CJK; when it is absent, or cannot show
 * some label, the JVM's logical {@code SansSerif} font is used, which on Linux is a composite of
 * every font fontconfig offers and so shows whatever the machine can show.
 */
final class ChartFonts {
    /** Families tried in order; each is used only if installed and able to show every label. */
    private static final List<String> PREFERRED = List.of("DejaVu Sans", "Noto Sans", "Liberation Sans");

    private static volatile Set<String> installed;

    private ChartFonts() {}

    /** The first preferred installed family that can display every string in {@code texts}. */
    static String familyFor(Collection<String> texts) {
        for (String family : PREFERRED) {
            if (installedFamilies().contains(family) && canDisplayAll(new Font(family, Font.PLAIN, 12), texts)) {
                return family;
            }
        }
        return Font.SANS_SERIF;
    }

    static boolean canDisplayAll(Font font, Collection<String> texts) {
        for (String text : texts) {
            if (font.canDisplayUpTo(text) != -1) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> installedFamilies() {
        Set<String> families = installed;
        if (families == null) {
            Headless.ensure();
            families = Arrays.stream(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames())
                    .collect(Collectors.toUnmodifiableSet());
            installed = families;
        }
        return families;
    }
}
