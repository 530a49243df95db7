package io.github.seq2seq4j.cli.translate;

import io.github.seq2seq4j.InputException;
import io.github.seq2seq4j.Seq2SeqModel;
import io.github.seq2seq4j.Translation;
import io.github.seq2seq4j.data.LineReader;
import io.github.seq2seq4j.decode.DecodeOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Translates a stream of lines in order, {@code batchSize} lines at a time: reads a batch,
 * decodes it (search or sampling, see {@link BatchDecoder}), writes its lines and flushes, then
 * reads the next. Memory holds one batch, whatever the length of the input.
 */
public final class StreamingTranslator {
    private final Seq2SeqModel model;
    private final BatchDecoder decoder;
    private final int batchSize;
    private final int maxSourceTokens;
    private final OutputFormat format;
    private final AttentionSink attention;

    /**
     * Greedy or beam search as {@code options} say, keeping attention weights when there is a sink.
     *
     * @param attention where attention weights go, or null
     */
    public StreamingTranslator(Seq2SeqModel model, DecodeOptions options, OutputFormat format, AttentionSink attention) {
        this(model, search(model, options.withAttention(attention != null)), options.batchSize(),
                options.maxSourceTokens(), format, attention);
    }

    /**
     * Any decoding, {@code batchSize} lines at a time; a line of more than {@code maxSourceTokens}
     * tokens is an error naming it.
     *
     * @param attention where attention weights go, or null
     */
    public StreamingTranslator(Seq2SeqModel model, BatchDecoder decoder, int batchSize, int maxSourceTokens,
                               OutputFormat format, AttentionSink attention) {
        if (batchSize < 1 || maxSourceTokens < 1) {
            throw new IllegalArgumentException("batch size and maximum source tokens must be >= 1");
        }
        this.model = model;
        this.decoder = decoder;
        this.batchSize = batchSize;
        this.maxSourceTokens = maxSourceTokens;
        this.format = format;
        this.attention = attention;
    }

    private static BatchDecoder search(Seq2SeqModel model, DecodeOptions options) {
        return (lines, firstIndex) -> model.nbest(lines, options);
    }

    /** Translates every line of {@code in} to {@code out}; returns the number of lines. */
    public long run(LineReader in, Writer out) {
        long index = 0;
        List<String> batch = new ArrayList<>(batchSize);
        while (true) {
            batch.clear();
            for (String line; batch.size() < batchSize && (line = in.readLine()) != null; ) {
                int n = model.sourceTokens(line).size();
                if (n > maxSourceTokens) {
                    throw InputException.at(in.name(), in.lineNumber(), "the source has " + n + " tokens; the maximum is "
                            + maxSourceTokens + " (raise --max-source-tokens or split the line)");
                }
                batch.add(line);
            }
            if (batch.isEmpty()) {
                return index;
            }
            List<List<Translation>> results = decoder.decode(batch, index);
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < batch.size(); i++) {
                format.append(text, index, results.get(i));
                if (attention != null) {
                    attention.accept(index, batch.get(i), results.get(i).get(0));
                }
                index++;
            }
            try {
                out.write(text.toString());
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the translations", e);
            }
        }
    }
}
