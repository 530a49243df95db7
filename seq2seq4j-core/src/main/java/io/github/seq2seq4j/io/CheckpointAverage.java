package io.github.seq2seq4j.io;

import io.github.seq2seq4j.InputException;
import io.github.seq2seq4j.Seq2SeqModel;
import io.github.seq2seq4j.tensor.Tensor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Checkpoint averaging: the element-wise mean of the weights of several checkpoints of one
 * training run (same configuration and vocabularies), a cheap way to smooth the last steps of
 * training. The mean is accumulated in double precision, so the order of the checkpoints only
 * changes the result by float rounding of the final division.
 */
public final class CheckpointAverage {
    private CheckpointAverage() {}

    /** Loads every bundle and returns a model whose weights are their mean. */
    public static Seq2SeqModel of(List<Path> bundles) {
        if (bundles.isEmpty()) {
            throw new InputException("checkpoint averaging needs at least one model directory");
        }
        Seq2SeqModel first = Seq2SeqModel.load(bundles.get(0));
        Map<String, Tensor> target = first.network().namedParameters();
        double[][] sums = new double[target.size()][];
        int k = 0;
        for (Tensor t : target.values()) {
            sums[k++] = new double[t.size()];
        }
        for (Path dir : bundles) {
            Seq2SeqModel m = dir.equals(bundles.get(0)) ? first : Seq2SeqModel.load(dir);
            if (!m.config().equals(first.config()) || !m.sourceVocabulary().equals(first.sourceVocabulary())
                    || !m.targetVocabulary().equals(first.targetVocabulary())) {
                throw InputException.in(dir.toString(), "its configuration or vocabularies differ from "
                        + bundles.get(0) + "'s; only checkpoints of one run can be averaged");
            }
            k = 0;
            for (Tensor t : m.network().namedParameters().values()) {
                double[] sum = sums[k++];
                float[] data = t.data();
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += data[t.offset() + i];
                }
            }
        }
        // namedParameters lists a tied weight once, so it is averaged once.
        k = 0;
        for (Tensor t : target.values()) {
            double[] sum = sums[k++];
            float[] data = t.data();
            for (int i = 0; i < sum.length; i++) {
                data[t.offset() + i] = (float) (sum[i] / bundles.size());
            }
        }
        return first;
    }
}
