package io.github.seq2seq4j.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingCurvesTest {
    @TempDir
    Path dir;

    @Test
    void oneChartPerMetricInTheDocumentedOrder() throws IOException {
        List<MetricPoint> points = new ArrayList<>();
        for (int step = 10; step <= 400; step += 10) {
            points.add(new MetricPoint(step, 1, "train", "loss", 4 * Math.exp(-step / 150.0) + 0.1 * Math.sin(step)));
            points.add(new MetricPoint(step, 1, "train", "learning_rate", step < 100 ? 1e-3 * step / 100 : 1e-3));
            points.add(new MetricPoint(step, 1, "train", "grad_norm", 2 + Math.cos(step)));
            if (step % 100 == 0) {
                points.add(new MetricPoint(step, 1, "dev", "wer", 80 - step / 10.0));
                points.add(new MetricPoint(step, 1, "dev", "bleu", step / 20.0));
                points.add(new MetricPoint(step, 1, "dev", "custom", 1));
                points.add(new MetricPoint(step, 1, "dev", "loss", 3 - step / 400.0));
            }
        }
        points.add(new MetricPoint(400, 1, "test", "bleu", 19));
        Path csv = dir.resolve("metrics.csv");
        MetricsCsv.write(csv, points);

        List<Figure> figures = TrainingCurves.write(csv, dir.resolve("curves"));
        List<String> names = figures.stream().map(f -> f.file().getFileName().toString()).toList();
        assertEquals(List.of("train-loss.png", "dev-loss.png", "dev-bleu.png", "dev-wer.png", "dev-custom.png",
                "test-bleu.png", "train-grad_norm.png", "train-learning_rate.png"), names);
        assertEquals("dev BLEU", figures.get(2).title());
        assertEquals("training gradient norm", figures.get(6).title());
        assertEquals("learning rate", figures.get(7).title());
        for (Figure f : figures) {
            BufferedImage image = ImageIO.read(f.file().toFile());
            assertNotNull(image, f.file() + " is a PNG");
            assertEquals(720, image.getWidth());
            assertEquals(380, image.getHeight());
        }
    }

    @Test
    void onlyWhatIsPresentIsDrawn() throws IOException {
        List<Figure> figures = TrainingCurves.write(List.of(
                new MetricPoint(5, 1, "dev", "acc", 50),
                new MetricPoint(5, 1, "train", "loss", Double.NaN)), dir);
        assertEquals(List.of(dir.resolve("dev-acc.png")), figures.stream().map(Figure::file).toList(),
                "a single dev point gets a chart; a loss with no finite value does not");
        assertFalse(Files.exists(dir.resolve("train-learning_rate.png")));
        assertTrue(TrainingCurves.write(List.of(), dir.resolve("none")).isEmpty());
    }

    @Test
    void rawAndSmoothedLossAreDifferentLines() throws IOException {
        List<MetricPoint> noisy = new ArrayList<>();
        for (int step = 1; step <= 200; step++) {
            noisy.add(new MetricPoint(step, 1, "train", "loss", step % 2 == 0 ? 1 : 3));
        }
        Figure f = TrainingCurves.write(noisy, dir).get(0);
        BufferedImage image = ImageIO.read(f.file().toFile());
        // the smoothed line is dark blue; the raw zigzag is pale blue: both must be drawn
        boolean dark = false;
        boolean pale = false;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                dark |= rgb == 0x084594;
                pale |= rgb == 0x9EC5E3;
            }
        }
        assertTrue(dark && pale, "dark " + dark + ", pale " + pale);
    }
}
