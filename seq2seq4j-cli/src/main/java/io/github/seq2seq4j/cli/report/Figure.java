package io.github.seq2seq4j.cli.report;

import java.nio.file.Path;

/**
 * An image written for a report.
 *
 * @param title what it shows, used as its caption and alt text
 * @param file where the PNG was written
 */
public record Figure(String title, Path file) {}
