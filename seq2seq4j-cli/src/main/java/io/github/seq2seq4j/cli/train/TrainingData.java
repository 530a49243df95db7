package io.github.seq2seq4j.cli.train;

import io.github.seq2seq4j.Seq2SeqModel;
import io.github.seq2seq4j.cli.config.CoreOptions;
import io.github.seq2seq4j.cli.config.RunConfig;
import io.github.seq2seq4j.data.Batcher;
import io.github.seq2seq4j.data.BpeLearner;
import io.github.seq2seq4j.data.BpeTokenizer;
import io.github.seq2seq4j.data.CorpusOptions;
import io.github.seq2seq4j.data.CorpusStats;
import io.github.seq2seq4j.data.Example;
import io.github.seq2seq4j.data.ParallelCorpus;
import io.github.seq2seq4j.data.PairReader;
import io.github.seq2seq4j.data.TextPair;
import io.github.seq2seq4j.data.TokenCounts;
import io.github.seq2seq4j.data.Tokenizer;
import io.github.seq2seq4j.data.Vocabulary;
import io.github.seq2seq4j.data.WhitespaceTokenizer;
import io.github.seq2seq4j.train.DevSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The data side of a training run: the tokenizer (BPE merges learned from the training corpus
 * when asked for), the two vocabularies, the training batches and the dev set. A fresh run builds
 * tokenizer and vocabularies from the training data; a resumed run takes them from the checkpoint,
 * so its ids are the ones the weights were trained with.
 */
public final class TrainingData {
    private final Tokenizer tokenizer;
    private final BpeTokenizer bpe;
    private final Vocabulary sourceVocab;
    private final Vocabulary targetVocab;
    private final Batcher batcher;
    private final DevSet dev;

    private TrainingData(Tokenizer tokenizer, BpeTokenizer bpe, Vocabulary sourceVocab, Vocabulary targetVocab,
                         Batcher batcher, DevSet dev) {
        this.tokenizer = tokenizer;
        this.bpe = bpe;
        this.sourceVocab = sourceVocab;
        this.targetVocab = targetVocab;
        this.batcher = batcher;
        this.dev = dev;
    }

    /** Reads the training data once to learn BPE (if configured) and once to count tokens. */
    public static TrainingData prepare(RunConfig c, Consumer<String> log) {
        BpeTokenizer bpe = null;
        Tokenizer tokenizer;
        if (c.string("data.tokenizer").equals(BpeTokenizer.NAME)) {
            BpeLearner learner = new BpeLearner();
            corpus(c, CorpusOptions.of(new WhitespaceTokenizer()), "train").forEach(p -> {
                learner.addWords(p.source());
                learner.addWords(p.target());
            });
            bpe = learner.learn(c.integer("data.bpe_merges"));
            log.accept("bpe: learned " + bpe.merges().size() + " merges (asked for " + c.integer("data.bpe_merges")
                    + ") on both sides of the training data");
            tokenizer = bpe;
        } else {
            tokenizer = Tokenizer.forName(c.string("data.tokenizer"));
        }
        ParallelCorpus train = corpus(c, limited(c, tokenizer), "train");
        TokenCounts sourceCounts = new TokenCounts();
        TokenCounts targetCounts = new TokenCounts();
        train.forEach(p -> {
            sourceCounts.add(p.source());
            targetCounts.add(p.target());
        });
        long minFreq = c.integer("data.min_freq");
        int maxVocab = c.integer("data.max_vocab");
        Vocabulary src = Vocabulary.build(sourceCounts, minFreq, maxVocab);
        Vocabulary tgt = Vocabulary.build(targetCounts, minFreq, maxVocab);
        logCorpus(log, "train", train);
        log.accept("vocabulary: source " + src.size() + " entries, target " + tgt.size() + " (4 specials included; the "
                + "training data has " + sourceCounts.distinct() + " and " + targetCounts.distinct() + " distinct tokens); min_freq "
                + minFreq + ", max_vocab " + maxVocab);
        return assemble(c, tokenizer, bpe, src, tgt, train, log);
    }

    /** Uses the tokenizer and vocabularies of a checkpoint (a resumed run). */
    public static TrainingData resume(RunConfig c, Seq2SeqModel checkpoint, Consumer<String> log) {
        Tokenizer tokenizer = checkpoint.tokenizer();
        ParallelCorpus train = corpus(c, limited(c, tokenizer), "train");
        return assemble(c, tokenizer, checkpoint.bpe(), checkpoint.sourceVocabulary(), checkpoint.targetVocabulary(), train, log);
    }

    private static TrainingData assemble(RunConfig c, Tokenizer tokenizer, BpeTokenizer bpe, Vocabulary src, Vocabulary tgt,
                                         ParallelCorpus train, Consumer<String> log) {
        Batcher batcher = new Batcher(train.encoded(src, tgt), CoreOptions.batching(c));
        DevSet dev = null;
        if (c.hasDev()) {
            ParallelCorpus devCorpus = corpus(c, CorpusOptions.of(tokenizer), "dev");
            List<Example> examples = new ArrayList<>();
            for (TextPair p : devCorpus.readAll()) {
                examples.add(Example.encode(p, src, tgt));
            }
            dev = DevSet.of(examples, ids -> tokenizer.detokenize(src.decode(ids)), ids -> tokenizer.detokenize(tgt.decode(ids)));
            logCorpus(log, "dev", devCorpus);
            log.accept("dev: " + dev.sources().length + " distinct sources");
        }
        return new TrainingData(tokenizer, bpe, src, tgt, batcher, dev);
    }

    private static CorpusOptions limited(RunConfig c, Tokenizer tokenizer) {
        int maxSource = c.integer("data.max_source_len");
        int maxTarget = c.integer("data.max_target_len");
        return CorpusOptions.of(tokenizer).withMaxTokens(maxSource == 0 ? Integer.MAX_VALUE : maxSource,
                maxTarget == 0 ? Integer.MAX_VALUE : maxTarget);
    }

    /** The training or dev corpus of the configuration, as a TSV file or two aligned files. */
    private static ParallelCorpus corpus(RunConfig c, CorpusOptions options, String split) {
        Path tsv = c.path("data." + split);
        return tsv != null ? ParallelCorpus.tsv(tsv, options)
                : ParallelCorpus.aligned(c.path("data." + split + "_source"), c.path("data." + split + "_target"), options);
    }

    private static void logCorpus(Consumer<String> log, String split, ParallelCorpus corpus) {
        CorpusStats s = corpus.stats().orElse(null);
        if (s == null) {
            // a streamed pass has not ended yet: count now (one extra read, small next to training)
            try (PairReader in = corpus.open()) {
                while (in.hasNext()) {
                    in.next();
                }
                s = in.stats();
            }
        }
        log.accept(split + ": " + corpus + ": " + s);
    }

    public Tokenizer tokenizer() {
        return tokenizer;
    }

    /** The learned or loaded BPE merges, or null for char and whitespace tokens. */
    public BpeTokenizer bpe() {
        return bpe;
    }

    public Vocabulary sourceVocabulary() {
        return sourceVocab;
    }

    public Vocabulary targetVocabulary() {
        return targetVocab;
    }

    public Batcher batcher() {
        return batcher;
    }

    /** The dev set, or null when none is configured. */
    public DevSet dev() {
        return dev;
    }
}
