package io.github.seq2seq4j.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.seq2seq4j.model.EncoderDecoder;
import io.github.seq2seq4j.tensor.Rng;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SamplingDecoderTest {
    static final int[][] SOURCES = DecodingPropertiesTest.SOURCES;

    @Test
    void topOneAndATinyNucleusAreGreedy() {
        EncoderDecoder m = DecodingPropertiesTest.model("gru", "bahdanau", true);
        Hypothesis[] greedy = new GreedyDecoder(m, LengthLimit.DEFAULT).decode(SOURCES, false);
        for (SamplingOptions o : new SamplingOptions[] {SamplingOptions.of(1f, 1, 1f, 5), SamplingOptions.of(0.7f, 0, 1e-6f, 5)}) {
            Hypothesis[] sampled = new SamplingDecoder(m, o).decode(SOURCES);
            for (int i = 0; i < SOURCES.length; i++) {
                assertArrayEquals(greedy[i].tokens(), sampled[i].tokens());
                assertEquals(greedy[i].score(), sampled[i].score(), 1e-6);
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameSamples() {
        EncoderDecoder m = DecodingPropertiesTest.model("lstm", "luong_general", true);
        Hypothesis[] a = new SamplingDecoder(m, SamplingOptions.of(1.5f, 0, 1f, 42)).decode(SOURCES);
        Hypothesis[] b = new SamplingDecoder(m, SamplingOptions.of(1.5f, 0, 1f, 42)).decode(SOURCES);
        Hypothesis[] c = new SamplingDecoder(m, SamplingOptions.of(1.5f, 0, 1f, 43)).decode(SOURCES);
        for (int i = 0; i < SOURCES.length; i++) {
            assertArrayEquals(a[i].tokens(), b[i].tokens());
        }
        assertNotEquals(Arrays.deepToString(Arrays.stream(a).map(Hypothesis::tokens).toArray()),
                Arrays.deepToString(Arrays.stream(c).map(Hypothesis::tokens).toArray()));
    }

    /** Draw frequencies follow softmax(logits / T) within the kept set, and nothing outside it is drawn. */
    @Test
    void drawsFollowTheReshapedDistribution() {
        float[] logits = {2f, 1f, 0.5f, 0f, -1f, -3f};
        int n = 60_000;
        for (SamplingOptions o : new SamplingOptions[] {
            SamplingOptions.of(1f, 0, 1f, 1), SamplingOptions.of(0.5f, 0, 1f, 2), SamplingOptions.of(2f, 3, 1f, 3),
            SamplingOptions.of(1f, 0, 0.8f, 4)}) {
            double[] p = new double[logits.length];
            double z = 0;
            for (int v = 0; v < p.length; v++) {
                p[v] = Math.exp(logits[v] / o.temperature());
                z += p[v];
            }
            int keep = o.topK() > 0 ? o.topK() : p.length;
            if (o.topP() < 1f) { // logits are sorted: the nucleus is a prefix
                double mass = 0;
                for (int v = 0; v < p.length; v++) {
                    mass += p[v] / z;
                    if (mass >= o.topP()) {
                        keep = Math.min(keep, v + 1);
                        break;
                    }
                }
            }
            double kept = 0;
            for (int v = 0; v < keep; v++) {
                kept += p[v];
            }
            SamplingDecoder d = new SamplingDecoder(null, o);
            Rng rng = new Rng(o.seed());
            int[] counts = new int[logits.length];
            for (int i = 0; i < n; i++) {
                counts[d.draw(logits, 0, logits.length, new float[logits.length], new Integer[logits.length], rng)]++;
            }
            for (int v = 0; v < logits.length; v++) {
                double expected = v < keep ? n * p[v] / kept : 0;
                double sd = Math.sqrt(expected) + 1;
                assertTrue(Math.abs(counts[v] - expected) < 5 * sd, o + " token " + v + ": " + counts[v] + " vs " + expected);
            }
        }
    }
}
