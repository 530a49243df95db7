package io.github.seq2seq4j.eval;

import io.github.seq2seq4j.InputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Grapheme-to-phoneme scoring by the usual convention (and the one the CMUdict data of this
 * project documents): reference lines are grouped by identical source word, one hypothesis is
 * scored per word, and
 *
 * <ul>
 *   <li>WER = fraction of words whose hypothesis equals none of the word's pronunciations
 *       (exact match of the phoneme sequence);
 *   <li>PER = Σ over words of the Levenshtein distance between the hypothesis and its closest
 *       pronunciation / Σ of the lengths of those closest pronunciations.
 * </ul>
 *
 * <p>Phonemes are whitespace-separated tokens, compared case-sensitively. When several
 * pronunciations are equally close the shortest is charged (see {@link ClosestReference}).
 * As a {@link Metric} ("per") this reports PER; the word-level WER equals 100 − "acc".
 */
public final class Per implements Metric {
    @Override
    public String name() {
        return "per";
    }

    @Override
    public boolean higherIsBetter() {
        return false;
    }

    @Override
    public double score(List<String> hypotheses, List<? extends List<String>> references) {
        return corpusScore(hypotheses, references).per();
    }

    /** WER and PER of one hypothesis per word; {@code references.get(i)} are word i's pronunciations. */
    public G2pScore corpusScore(List<String> hypotheses, List<? extends List<String>> references) {
        ReferenceSets.checkSizes(hypotheses, references);
        long wordErrors = 0;
        long edits = 0;
        long length = 0;
        for (int i = 0; i < hypotheses.size(); i++) {
            List<String> refs = references.get(i);
            if (refs.isEmpty()) {
                throw new InputException("word " + (i + 1) + " has no reference pronunciation");
            }
            String[][] tokens = new String[refs.size() + 1][];
            tokens[0] = PythonText.split(hypotheses.get(i));
            for (int r = 0; r < refs.size(); r++) {
                tokens[r + 1] = PythonText.split(refs.get(r));
            }
            int[][] ids = EditDistance.toIds(tokens);
            int[][] refIds = new int[refs.size()][];
            System.arraycopy(ids, 1, refIds, 0, refIds.length);
            ClosestReference c = ClosestReference.of(ids[0], refIds);
            if (c.distance() != 0) {
                wordErrors++; // distance 0 <=> equal to some pronunciation
            }
            edits += c.distance();
            length += c.length();
        }
        return new G2pScore(hypotheses.size(), wordErrors, edits, length);
    }

    /**
     * Groups parallel (source, target) lines by identical source, in order of first appearance:
     * the reference sets of a G2P test file, one per word.
     */
    public static Map<String, List<String>> groupBySource(List<String> sources, List<String> targets) {
        if (sources.size() != targets.size()) {
            throw new InputException(sources.size() + " sources but " + targets.size() + " targets");
        }
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (int i = 0; i < sources.size(); i++) {
            groups.computeIfAbsent(sources.get(i), k -> new ArrayList<>()).add(targets.get(i));
        }
        return groups;
    }
}
