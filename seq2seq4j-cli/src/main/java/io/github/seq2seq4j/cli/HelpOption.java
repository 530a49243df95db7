package io.github.seq2seq4j.cli;

import picocli.CommandLine.Option;

/** The {@code -h/--help} option shared by every subcommand (mixed in with {@code @Mixin}). */
final class HelpOption {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;
}
