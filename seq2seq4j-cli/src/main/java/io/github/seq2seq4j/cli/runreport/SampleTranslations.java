package io.github.seq2seq4j.cli.runreport;

import io.github.seq2seq4j.Seq2SeqModel;
import io.github.seq2seq4j.Translation;
import io.github.seq2seq4j.cli.evaluate.TestSet;
import io.github.seq2seq4j.cli.report.Sample;
import io.github.seq2seq4j.cli.translate.TranslationAttention;
import io.github.seq2seq4j.decode.DecodeOptions;
import io.github.seq2seq4j.decode.LengthLimit;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the first few sources of a dev or test set greedily, keeping the attention weights, and
 * pairs each with a reference: the one the hypothesis equals when a source has several and one
 * matches, else the first.
 */
final class SampleTranslations {
    private SampleTranslations() {}

    /** Up to {@code count} samples from the start of {@code set}. */
    static List<Sample> decode(Seq2SeqModel model, TestSet set, int count) {
        int n = Math.min(count, set.sources().size());
        List<String> sources = set.sources().subList(0, n);
        DecodeOptions greedy = new DecodeOptions(1, 1.0, 1, true, LengthLimit.DEFAULT, Integer.MAX_VALUE, 64);
        List<Translation> translations = model.translate(sources, greedy);
        List<Sample> samples = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Translation t = translations.get(i);
            List<String> refs = set.references().get(i);
            String reference = refs.stream().filter(r -> r.strip().equals(t.text().strip())).findFirst()
                    .orElse(refs.get(0));
            samples.add(new Sample(sources.get(i), t.text(), reference, TranslationAttention.matrix(t)));
        }
        return samples;
    }
}
