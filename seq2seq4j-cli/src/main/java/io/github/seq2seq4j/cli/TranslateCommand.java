package io.github.seq2seq4j.cli;

import io.github.seq2seq4j.InputException;
import io.github.seq2seq4j.Seq2SeqModel;
import io.github.seq2seq4j.cli.translate.AttentionSink;
import io.github.seq2seq4j.cli.translate.HeatmapFiles;
import io.github.seq2seq4j.cli.translate.JsonAttentionFiles;
import io.github.seq2seq4j.cli.translate.LineSampler;
import io.github.seq2seq4j.cli.translate.OutputFormat;
import io.github.seq2seq4j.cli.translate.StreamingTranslator;
import io.github.seq2seq4j.data.LineReader;
import io.github.seq2seq4j.decode.DecodeOptions;
import io.github.seq2seq4j.decode.LengthLimit;
import io.github.seq2seq4j.decode.SamplingOptions;
import io.github.seq2seq4j.model.AttentionType;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code seq2seq4j translate}: one translation per input line, in order, streamed in batches. */
@Command(
        name = "translate",
        header = "Translate lines of text with a trained model.",
        description = {
            "Read standard input (or --input) line by line and write one translation per line, in "
                + "order, decoding --batch-size lines at a time and flushing after each batch. An empty line "
                + "gives an empty line. When standard input is a terminal, each line is translated as soon as"
                + " it is entered (unless --batch-size is given).",
            "",
            "Output: the translation; with --scores also TAB and its total log-probability (</s> "
                + "included, %%.6f); with --nbest N, N lines 'index TAB translation TAB score' per source "
                + "(index = 0-based input line); --normalized adds the length-normalised score.",
            "",
            "--sample draws each translation at random from the model's distribution (shaped by "
                + "--temperature, --top-k, --top-p); each line is sampled with a seed made from --seed and its"
                + " line number, so the same seed gives the same output whatever the batch size.",
            "",
            "--attention DIR writes, per input line NNNNN (0-based), DIR/NNNNN.json (tokens and weights) "
                + "and DIR/NNNNN.png (a heatmap: source tokens across, output tokens down, </s> last)."
        },
        sortOptions = false,
        footerHeading = "%nExamples:%n",
        footer = {
            "  echo hello | seq2seq4j translate --model runs/words-en-es-tiny",
            "  seq2seq4j translate --model runs/g2p --input words.txt --output phonemes.txt --beam 5",
            "  seq2seq4j translate --model runs/g2p --beam 5 --nbest 3 --normalized < words.txt",
            "  seq2seq4j translate --model runs/g2p --attention attn/ < words.txt",
            "  seq2seq4j translate --model runs/g2p --sample --temperature 0.8 --top-p 0.9 --seed 7 < words.txt"
        })
final class TranslateCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "The model directory (a train output or a bundle).")
    Path model;

    @Option(names = "--input", paramLabel = "FILE", description = "Read this file instead of standard input (UTF-8).")
    Path input;

    @Option(names = "--output", paramLabel = "FILE", description = "Write here instead of standard output "
            + "(through a temporary file, renamed when complete).")
    Path output;

    @Option(names = "--beam", paramLabel = "K", defaultValue = "1", description = "Beam size; 1 decodes greedily. Default: ${DEFAULT-VALUE}.")
    int beam;

    @Option(names = "--alpha", paramLabel = "A", defaultValue = "1.0", description = "GNMT length-penalty exponent ranking beam hypotheses. Default: ${DEFAULT-VALUE}.")
    double alpha;

    @Option(names = "--nbest", paramLabel = "N", description = "Write the N best hypotheses of each source (N <= --beam).")
    Integer nbest;

    @Option(names = "--scores", description = "Append TAB and the score (total log-probability, %%.6f).")
    boolean scores;

    @Option(names = "--normalized", description = "Also write the length-normalised score (implies --scores).")
    boolean normalized;

    @Option(names = "--max-source-tokens", paramLabel = "N", defaultValue = "1000",
            description = "A longer source is an error (never silently cut). Default: ${DEFAULT-VALUE}.")
    int maxSourceTokens;

    @Option(names = "--max-ratio", paramLabel = "R", defaultValue = "2.0",
            description = "Output length limit: ceil(R * source tokens) + --max-extra. Default: ${DEFAULT-VALUE}.")
    double maxRatio;

    @Option(names = "--max-extra", paramLabel = "N", defaultValue = "10", description = "See --max-ratio. Default: ${DEFAULT-VALUE}.")
    int maxExtra;

    @Option(names = "--batch-size", paramLabel = "N", description = "Lines decoded together. Default: 64 (1 when reading a terminal).")
    Integer batchSize;

    @Option(names = "--attention", paramLabel = "DIR", description = "Write each sentence's attention weights to "
            + "DIR/NNNNN.json and its heatmap to DIR/NNNNN.png.")
    Path attention;

    @Mixin
    SamplingFlags sampling;

    /** Standard input; tests replace it. */
    InputStream stdin = System.in;

    @Override
    public Integer call() {
        DecodeOptions options = options();
        SamplingOptions samplingOptions = samplingOptions(options.limit());
        Seq2SeqModel m = Seq2SeqModel.open(model.toString());
        if (attention != null && m.config().attention() == AttentionType.NONE) {
            throw new InputException(model + " has no attention (model.attention: none); --attention needs a model "
                    + "with one");
        }
        OutputFormat format = new OutputFormat(scores, nbest != null, normalized);
        try (AttentionSink sink = attention == null ? null
                : AttentionSink.both(new JsonAttentionFiles(attention), new HeatmapFiles(attention));
             LineReader in = input == null ? LineReader.of(stdin, "<stdin>") : LineReader.open(input)) {
            StreamingTranslator translator = samplingOptions == null ? new StreamingTranslator(m, options, format, sink)
                    : new StreamingTranslator(m, new LineSampler(m, samplingOptions), options.batchSize(),
                            options.maxSourceTokens(), format, sink);
            if (output == null) {
                translator.run(in, spec.commandLine().getOut());
            } else {
                writeWhole(output, out -> translator.run(in, out));
            }
        }
        return 0;
    }

    private DecodeOptions options() {
        int n = nbest == null ? 1 : nbest;
        if (beam < 1 || n < 1 || n > beam) {
            throw new ParameterException(spec.commandLine(), "need --beam >= 1 and 1 <= --nbest <= --beam (got --beam "
                    + beam + ", --nbest " + n + ")");
        }
        if (maxSourceTokens < 1 || (batchSize != null && batchSize < 1)) {
            throw new ParameterException(spec.commandLine(), "--max-source-tokens and --batch-size must be >= 1");
        }
        if (!(maxRatio >= 0) || maxExtra < 0 || !Double.isFinite(alpha)) {
            throw new ParameterException(spec.commandLine(), "need --max-ratio >= 0, --max-extra >= 0 and a finite --alpha");
        }
        // typed lines should come back at once, not after 64 of them
        int batch = batchSize != null ? batchSize : (input == null && System.console() != null ? 1 : 64);
        return new DecodeOptions(beam, alpha, n, false, new LengthLimit(maxRatio, maxExtra), maxSourceTokens, batch);
    }

    /** The sampling options with --sample, else null; sampling flags without --sample are an error. */
    private SamplingOptions samplingOptions(LengthLimit limit) {
        if (!sampling.sample) {
            String flag = sampling.samplingOnlyFlag();
            if (flag != null) {
                throw new ParameterException(spec.commandLine(), flag + " needs --sample");
            }
            return null;
        }
        if (beam > 1 || (nbest != null && nbest > 1)) {
            throw new ParameterException(spec.commandLine(), "--sample draws one translation per line; it cannot be "
                    + "combined with --beam > 1 or --nbest > 1");
        }
        if (attention != null) {
            throw new ParameterException(spec.commandLine(), "--sample does not record attention weights; "
                    + "drop --attention or --sample");
        }
        try {
            return sampling.options(limit);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** Runs {@code body} on a writer to a temporary sibling of {@code file}, renamed over it on success. */
    static void writeWhole(Path file, java.util.function.Consumer<Writer> body) {
        Path abs = file.toAbsolutePath();
        Path tmp = abs.resolveSibling("." + abs.getFileName() + ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                body.accept(w);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new InputException(file + ": cannot write: " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the original outcome matters more
            }
        }
    }
}
