package io.github.seq2seq4j.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The process's peak resident set size (VmHWM in /proc/self/status), Linux only. */
final class PeakRss {
    private PeakRss() {}

    /** Peak RSS in MiB, or -1 where /proc is not available. */
    static double megabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) { // "VmHWM:    123456 kB"
                    String kb = line.substring(6).trim().split("\\s+")[0];
                    return Math.round(Long.parseLong(kb) / 1024.0 * 10) / 10.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
