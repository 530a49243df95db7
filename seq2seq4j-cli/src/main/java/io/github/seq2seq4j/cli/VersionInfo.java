package io.github.seq2seq4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The version of seq2seq4j (from {@code version.properties}, filled in by the build) and of the
 * runtime: what a bug report needs.
 */
final class VersionInfo implements IVersionProvider {
    private static final String VECTOR_MODULE = "jdk.incubator.vector";

    /** The project version, e.g. {@code 0.1.0-SNAPSHOT}. */
    static String version() {
        Properties p = new Properties();
        try (InputStream in = VersionInfo.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from the classpath (a broken build?)");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version");
    }

    /** True if the Vector API module is loaded in this JVM (it is only when asked for with --add-modules). */
    static boolean vectorModuleLoaded() {
        return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
    }

    /** One line each: seq2seq4j, Java, the Vector API module, the machine. */
    static String[] lines() {
        return new String[] {
            Main.NAME + " " + version(),
            String.format(Locale.ROOT, "java %s (%s, %s)", Runtime.version(), System.getProperty("java.vendor"),
                    System.getProperty("java.home")),
            VECTOR_MODULE + ": " + (vectorModuleLoaded() ? "loaded" : "not loaded"),
            String.format(Locale.ROOT, "os %s %s %s, %d processors", System.getProperty("os.name"),
                    System.getProperty("os.version"), System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors())
        };
    }

    @Override
    public String[] getVersion() {
        return lines();
    }
}
