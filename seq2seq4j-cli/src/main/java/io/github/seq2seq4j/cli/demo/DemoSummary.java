package io.github.seq2seq4j.cli.demo;

import io.github.seq2seq4j.eval.G2pScore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What the demo prints once the model is trained: sample predictions, the held-out WER and PER
 * (lines that begin {@code dev WER: } and {@code dev PER: } and give the value in percent with two
 * decimals), and where the outputs are.
 */
public final class DemoSummary {
    private DemoSummary() {}

    /** The sample table and the two scores. */
    public static void results(PrintWriter out, G2pEvaluation eval, List<WordResult> samples) {
        G2pScore s = eval.score();
        out.printf(Locale.ROOT, "%d of the %,d held-out words (never seen in training), greedy decoding:%n", samples.size(),
                s.words());
        SampleTable.format(samples).forEach(out::println);
        out.println();
        out.printf(Locale.ROOT, "dev WER: %.2f%%  (%,d of %,d words: the prediction matches none of the word's "
                + "pronunciations)%n", s.wer(), s.wordErrors(), s.words());
        out.printf(Locale.ROOT, "dev PER: %.2f%%  (%,d phoneme edits against the closest pronunciation, %,d phonemes)%n",
                s.per(), s.phonemeEdits(), s.referencePhonemes());
    }

    /**
     * The output directory's contents and how to use the model.
     *
     * @param shown  the directory as the user named it
     * @param root   the directory, absolute
     * @param report the report page, or null if it could not be written
     */
    public static void outputs(PrintWriter out, String shown, Path root, List<Path> heatmaps, Path report) {
        out.println("outputs in " + shown + "/:");
        out.println("  model      config.json, src.vocab, tgt.vocab, weights.safetensors (checkpoints/: last and best)");
        out.println("  training   train.log, metrics.csv, run.yaml");
        out.println("  attention  " + String.join(", ", heatmaps.stream().map(p -> relative(root, p)).toList()));
        out.println("  report     " + (report == null ? "not written (train.log says why)" : relative(root, report)));
        out.println("  data       " + DemoDirectory.DATA + "/ (the CMUdict sample with CMU's LICENSE, demo.yaml, and "
                + DemoReport.SAMPLES + ": the words above)");
        out.println("try:");
        out.println("  echo \"d e m o\" | ./seq2seq4j translate --model " + shown);
    }

    /** {@code p} relative to {@code root}, with forward slashes. */
    public static String relative(Path root, Path p) {
        return root.relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    /** "2m 05s" or "41.3s". */
    public static String duration(long nanos) {
        double s = nanos / 1e9;
        if (s < 60) {
            return String.format(Locale.ROOT, "%.1fs", s);
        }
        long secs = Math.round(s);
        return String.format(Locale.ROOT, "%dm %02ds", secs / 60, secs % 60);
    }
}
