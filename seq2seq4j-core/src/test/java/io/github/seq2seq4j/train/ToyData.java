package io.github.seq2seq4j.train;

import io.github.seq2seq4j.data.Batcher;
import io.github.seq2seq4j.data.BatchingOptions;
import io.github.seq2seq4j.data.Example;
import io.github.seq2seq4j.data.ExampleSource;
import io.github.seq2seq4j.data.TokenCounts;
import io.github.seq2seq4j.data.Tokenizer;
import io.github.seq2seq4j.data.Vocabulary;
import java.util.ArrayList;
import java.util.List;

/** In-memory parallel data for training tests: pairs → vocabularies → examples → batches. */
final class ToyData {
    final Tokenizer tokenizer;
    final Vocabulary src;
    final Vocabulary tgt;
    final List<Example> examples;

    ToyData(List<String[]> pairs, Tokenizer tokenizer) {
        this.tokenizer = tokenizer;
        TokenCounts sc = new TokenCounts();
        TokenCounts tc = new TokenCounts();
        for (String[] p : pairs) {
            sc.add(tokenizer.tokenize(p[0]));
            tc.add(tokenizer.tokenize(p[1]));
        }
        src = Vocabulary.build(sc, 1, 1000);
        tgt = Vocabulary.build(tc, 1, 1000);
        examples = encode(pairs);
    }

    List<Example> encode(List<String[]> pairs) {
        List<Example> out = new ArrayList<>();
        for (String[] p : pairs) {
            out.add(new Example(out.size(), src.encode(tokenizer.tokenize(p[0])), tgt.encode(tokenizer.tokenize(p[1]))));
        }
        return out;
    }

    Batcher batcher(int batchSize, long seed) {
        return new Batcher(ExampleSource.of(examples), BatchingOptions.sentences(batchSize).withSeed(seed));
    }

    DevSet dev(List<Example> dev) {
        return DevSet.of(dev, ids -> tokenizer.detokenize(src.decode(ids)), ids -> tokenizer.detokenize(tgt.decode(ids)));
    }
}
