/*
 * How much decoding CPU one sentence costs alone and inside batches, measured in-process as the
 * decoding thread's CPU time (so other processes on a shared machine barely affect it). This is
 * the ceiling for what the server's cross-request batching can save. Run with the seq2seq4j jar on
 * the class path:
 *
 *   java -cp seq2seq4j-cli/target/seq2seq4j.jar bench/DecodeBatchCost.java MODEL_DIR INPUTS [BEAM [N]]
 *
 * N sentences (default 32, cycled from INPUTS) are decoded one at a time, in batches of 8, and as
 * one batch; 10 warm-up rounds are followed by 6 measured ones, and the median is reported.
 */

import io.github.seq2seq4j.Seq2SeqModel;
import io.github.seq2seq4j.decode.DecodeOptions;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

public final class DecodeBatchCost {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private DecodeBatchCost() {}

    public static void main(String[] args) throws Exception {
        Seq2SeqModel model = Seq2SeqModel.load(Path.of(args[0]));
        List<String> lines = new ArrayList<>();
        for (String l : Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8)) {
            if (!l.isBlank()) {
                lines.add(l);
            }
        }
        int beam = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int n = args.length > 3 ? Integer.parseInt(args[3]) : 32;
        List<String> sources = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sources.add(lines.get(i % lines.size()));
        }
        int[] batchSizes = {1, 8, n};
        double[][] perSentence = new double[batchSizes.length][6];
        for (int round = 0; round < 16; round++) {
            for (int b = 0; b < batchSizes.length; b++) {
                int size = batchSizes[b];
                DecodeOptions options = DecodeOptions.beam(beam, 1.0).withBatchSize(size);
                long start = THREADS.getCurrentThreadCpuTime();
                for (int k = 0; k < n; k += size) {
                    model.nbest(sources.subList(k, Math.min(n, k + size)), options);
                }
                double ms = (THREADS.getCurrentThreadCpuTime() - start) / 1e6 / n;
                if (round >= 10) {
                    perSentence[b][round - 10] = ms;
                }
            }
        }
        System.out.printf("%s, beam %d, %d sentences from %s: decoding CPU per sentence (median of 6)%n", args[0], beam,
                n, args[1]);
        double alone = median(perSentence[0]);
        for (int b = 0; b < batchSizes.length; b++) {
            double ms = median(perSentence[b]);
            System.out.printf("  batches of %-3d %8.3f ms   (%.2fx less than alone)%n", batchSizes[b], ms, alone / ms);
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
