package io.github.seq2seq4j.train;

import io.github.seq2seq4j.autograd.Graph;
import io.github.seq2seq4j.data.Batch;
import io.github.seq2seq4j.data.Example;
import io.github.seq2seq4j.decode.GreedyDecoder;
import io.github.seq2seq4j.decode.Hypothesis;
import io.github.seq2seq4j.decode.LengthLimit;
import io.github.seq2seq4j.model.EncoderDecoder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Dev-set metrics: teacher-forced loss and perplexity, and greedy-decoded exact match. */
final class Validator {
    private final EncoderDecoder model;
    private final TrainOptions options;
    private int[][] lastHypotheses;

    Validator(EncoderDecoder model, TrainOptions options) {
        this.model = model;
        this.options = options;
    }

    Map<String, Double> evaluate(DevSet dev) {
        Map<String, Double> m = new LinkedHashMap<>();
        double loss = loss(dev);
        m.put("loss", loss);
        m.put("ppl", Math.exp(loss));
        int[][] hyps = decode(dev);
        lastHypotheses = hyps;
        int correct = 0;
        for (int i = 0; i < hyps.length; i++) {
            for (int[] ref : dev.references().get(i)) {
                if (Arrays.equals(ref, hyps[i])) {
                    correct++;
                    break;
                }
            }
        }
        m.put("acc", 100.0 * correct / hyps.length);
        List<String> text = new ArrayList<>(options.devMetrics());
        String stop = options.earlyStopMetric();
        if (!m.containsKey(stop) && !text.contains(stop)) {
            text.add(stop); // the early-stopping metric is always computed
        }
        m.putAll(TextMetrics.compute(text, dev, hyps));
        return m;
    }

    /** Token-weighted mean cross-entropy (no label smoothing), as perplexity needs. */
    private double loss(DevSet dev) {
        double total = 0;
        long tokens = 0;
        List<Example> all = dev.examples();
        try (Graph g = Graph.inference()) {
            for (int i = 0; i < all.size(); i += options.decodeBatch()) {
                g.reset();
                Batch b = Batch.of(all.subList(i, Math.min(all.size(), i + options.decodeBatch())));
                var enc = model.encode(g, b.src(), b.srcLen(), b.srcWidth());
                double l = model.loss(g, model.forward(g, enc, b.tgtIn(), b.tgtWidth(), 1f, null), b.tgtOut(), 0f).item();
                total += l * b.targetTokens();
                tokens += b.targetTokens();
            }
        }
        return total / tokens;
    }

    private int[][] decode(DevSet dev) {
        int[][] sources = dev.sources();
        int[][] out = new int[sources.length][];
        GreedyDecoder greedy = new GreedyDecoder(model, LengthLimit.DEFAULT);
        for (int i = 0; i < sources.length; i += options.decodeBatch()) {
            int[][] chunk = Arrays.copyOfRange(sources, i, Math.min(sources.length, i + options.decodeBatch()));
            Hypothesis[] h = greedy.decode(chunk, false);
            for (int j = 0; j < h.length; j++) {
                out[i + j] = h[j].tokens();
            }
        }
        return out;
    }

    /** The first n dev sources with the last validation's hypothesis and first reference, as text. */
    List<String[]> samples(DevSet dev, int n) {
        List<String[]> s = new ArrayList<>();
        for (int i = 0; i < Math.min(n, dev.sources().length) && lastHypotheses != null; i++) {
            s.add(new String[] {dev.sourceText(dev.sources()[i]), dev.targetText(lastHypotheses[i]),
                dev.targetText(dev.references().get(i).get(0))});
        }
        return s;
    }
}
