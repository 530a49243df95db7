package io.github.seq2seq4j.cli.runreport;

import io.github.seq2seq4j.cli.report.BestCheckpoint;
import io.github.seq2seq4j.cli.report.MetricPoint;
import io.github.seq2seq4j.io.Json;
import io.github.seq2seq4j.train.Checkpoints;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scores of a run's best checkpoint: its step comes from {@code checkpoints/best/trainer.json};
 * its scores are the dev rows of {@code metrics.csv} at that step (every metric of that
 * validation), or, when the file has none, the early-stopping metric's value kept in trainer.json.
 */
final class BestScores {
    /** Where the best checkpoint lives in a run directory. */
    static final String BEST = "checkpoints/best";

    private BestScores() {}

    /**
     * The best checkpoint of the run in {@code dir}, or null when it has none.
     *
     * @param metric the early-stopping metric's name, for the trainer.json fallback (null if unknown)
     */
    static BestCheckpoint read(Path dir, List<MetricPoint> metrics, String metric) {
        Path trainer = dir.resolve(BEST).resolve(Checkpoints.TRAINER);
        if (!Files.isRegularFile(trainer)) {
            return null;
        }
        Map<?, ?> state = (Map<?, ?>) Json.read(trainer);
        long step = ((Number) state.get("step")).longValue();
        Map<String, Double> scores = new LinkedHashMap<>();
        for (MetricPoint p : metrics) {
            if (p.step() == step && p.split().equals(MetricPoint.DEV)) {
                scores.put(p.metric(), p.value());
            }
        }
        if (scores.isEmpty() && state.get("best") instanceof Number best) {
            scores.put(metric == null ? "best" : metric, best.doubleValue());
        }
        return new BestCheckpoint(BEST, step, scores);
    }
}
