package io.github.seq2seq4j.train;

import io.github.seq2seq4j.eval.Metric;
import io.github.seq2seq4j.eval.Metrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Text metrics (BLEU, chrF, WER, PER, ...) of decoded dev hypotheses against all their references. */
final class TextMetrics {
    private TextMetrics() {}

    static Map<String, Double> compute(List<String> names, DevSet dev, int[][] hypotheses) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (names.isEmpty()) {
            return out;
        }
        List<String> hyps = new ArrayList<>();
        List<List<String>> refs = new ArrayList<>();
        for (int i = 0; i < hypotheses.length; i++) {
            hyps.add(dev.targetText(hypotheses[i]));
            List<String> r = new ArrayList<>();
            for (int[] ref : dev.references().get(i)) {
                r.add(dev.targetText(ref));
            }
            refs.add(r);
        }
        for (String name : names) {
            Metric m = Metrics.byName(name);
            out.put(name, m.score(hyps, refs));
        }
        return out;
    }
}
