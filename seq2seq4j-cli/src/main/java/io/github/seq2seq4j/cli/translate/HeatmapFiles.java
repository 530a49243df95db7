package io.github.seq2seq4j.cli.translate;

import io.github.seq2seq4j.InputException;
import io.github.seq2seq4j.Translation;
import io.github.seq2seq4j.cli.report.AttentionHeatmap;
import io.github.seq2seq4j.cli.report.AttentionMatrix;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Draws {@code DIR/NNNNN.png} for source line NNNNN (0-based), the {@link AttentionHeatmap} of its
 * translation: source tokens along x, output tokens along y from the top ({@code </s>} the last
 * row when it was produced), titled with the source and its translation. An empty source has no
 * weights and gets no picture. Each file is written atomically.
 */
public final class HeatmapFiles implements AttentionSink {
    private final AttentionDirectory dir;

    /** Writes into {@code dir}, created if missing. */
    public HeatmapFiles(Path dir) {
        this.dir = AttentionDirectory.create(dir);
    }

    @Override
    public void accept(long index, String source, Translation best) {
        AttentionMatrix matrix = TranslationAttention.matrix(best);
        if (matrix == null) {
            return;
        }
        Path file = dir.file(index, "png");
        try {
            AttentionHeatmap.write(matrix, AttentionHeatmap.sentenceTitle(source, best.text()), file);
        } catch (IOException e) {
            throw new InputException(file + ": cannot write: " + e.getMessage(), e);
        }
    }
}
