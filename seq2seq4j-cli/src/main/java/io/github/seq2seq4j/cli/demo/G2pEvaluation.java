package io.github.seq2seq4j.cli.demo;

import io.github.seq2seq4j.InputException;
import io.github.seq2seq4j.Seq2SeqModel;
import io.github.seq2seq4j.Translation;
import io.github.seq2seq4j.cli.translate.TranslationAttention;
import io.github.seq2seq4j.decode.DecodeOptions;
import io.github.seq2seq4j.eval.ClosestReference;
import io.github.seq2seq4j.eval.G2pScore;
import io.github.seq2seq4j.eval.Per;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores a grapheme-to-phoneme model on held-out words as the CMUdict data's README defines it:
 * pronunciation lines grouped by word, one greedy prediction per word; WER is the share of words
 * whose prediction equals none of their pronunciations, PER the phoneme edits to each word's
 * closest pronunciation over the lengths of those pronunciations (both from {@link Per}).
 *
 * @param words every word in the order of the data, with its prediction and attention
 * @param score WER and PER over all of them
 */
public record G2pEvaluation(List<WordResult> words, G2pScore score) {
    /** Sentences decoded together. */
    private static final int BATCH = 128;

    /** Copies the list. */
    public G2pEvaluation {
        words = List.copyOf(words);
    }

    /** Decodes the sources of {@code tsvLines} ({@code letters<TAB>phonemes}) greedily and scores them. */
    public static G2pEvaluation of(Seq2SeqModel model, List<String> tsvLines) {
        List<String> sources = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        for (int i = 0; i < tsvLines.size(); i++) {
            String[] parts = tsvLines.get(i).split("\t", -1);
            if (parts.length != 2) {
                throw new InputException("dev line " + (i + 1) + ": expected 'letters<TAB>phonemes'");
            }
            sources.add(parts[0]);
            targets.add(parts[1]);
        }
        Map<String, List<String>> byWord = Per.groupBySource(sources, targets);
        List<String> words = new ArrayList<>(byWord.keySet());
        List<Translation> predictions = model.translate(words, DecodeOptions.GREEDY.withAttention(true).withBatchSize(BATCH));
        List<String> hypotheses = new ArrayList<>();
        List<List<String>> references = new ArrayList<>();
        List<WordResult> results = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            Translation t = predictions.get(i);
            List<String> refs = byWord.get(words.get(i));
            ClosestReference c = closest(t.text(), refs);
            hypotheses.add(t.text());
            references.add(refs);
            results.add(new WordResult(words.get(i), t.text(), refs, c.index(), c.distance(), TranslationAttention.matrix(t)));
        }
        return new G2pEvaluation(results, new Per().corpusScore(hypotheses, references));
    }

    /** The pronunciation {@link Per} charges {@code hypothesis} against. */
    static ClosestReference closest(String hypothesis, List<String> references) {
        Map<String, Integer> ids = new HashMap<>();
        int[][] refs = new int[references.size()][];
        for (int r = 0; r < refs.length; r++) {
            refs[r] = ids(references.get(r), ids);
        }
        return ClosestReference.of(ids(hypothesis, ids), refs);
    }

    private static int[] ids(String phonemes, Map<String, Integer> ids) {
        String s = phonemes.strip();
        if (s.isEmpty()) {
            return new int[0];
        }
        String[] tokens = s.split("\\s+");
        int[] out = new int[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            out[i] = ids.computeIfAbsent(tokens[i], k -> ids.size());
        }
        return out;
    }
}
