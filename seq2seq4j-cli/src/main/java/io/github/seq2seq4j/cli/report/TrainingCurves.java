package io.github.seq2seq4j.cli.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Line charts of a training run's metrics (see {@link MetricsCsv}), one PNG each, drawn with XChart:
 * <ol>
 *   <li>{@code train-loss.png}: the training loss per logged step, raw (pale) and smoothed (dark,
 *       a debiased exponential moving average);
 *   <li>{@code dev-<metric>.png} for each dev metric present, in the order loss, ppl, acc, bleu,
 *       chrf, chrf++, wer, cer, per, then any others; the same for any other evaluation split;
 *   <li>{@code train-<metric>.png}, raw and smoothed, for any other training metric, such as
 *       {@code train-grad_norm.png} (the gradient norm before clipping);
 *   <li>{@code train-learning_rate.png}: the learning rate, on its own chart because its scale is
 *       unrelated.
 * </ol>
 * The metric names are those of {@link MetricNames}; charts are titled with their labels.
 * Charts are only made for metrics that have at least one finite value; a chart whose metric had
 * NaN or infinite values says how many were left out in its title.
 */
public final class TrainingCurves {
    private static final int WIDTH = 720;
    private static final int HEIGHT = 380;
    private static final List<String> ORDER = List.of(MetricNames.LOSS, MetricNames.PPL, MetricNames.ACC,
            MetricNames.BLEU, MetricNames.CHRF, MetricNames.CHRF_PLUS, MetricNames.WER, MetricNames.CER,
            MetricNames.PER);
    private static final Color RAW = new Color(0x9E, 0xC5, 0xE3);
    private static final Color SMOOTH = new Color(0x08, 0x45, 0x94);
    private static final Color EVAL = new Color(0xC4, 0x4E, 0x0A);
    private static final Color RATE = new Color(0x2E, 0x7D, 0x32);

    private TrainingCurves() {}

    /** Reads {@code metricsCsv} and writes the charts into {@code dir}. */
    public static List<Figure> write(Path metricsCsv, Path dir) throws IOException {
        return write(MetricsCsv.read(metricsCsv), dir);
    }

    /** Writes the charts of {@code points} into {@code dir} (created if needed), in the order above. */
    public static List<Figure> write(List<MetricPoint> points, Path dir) throws IOException {
        Headless.ensure();
        List<Curve> curves = Curve.group(points);
        curves.removeIf(Curve::isEmpty);
        String family = ChartFonts.familyFor(List.of("training loss, learning rate: 0123456789.,E-"));
        List<Figure> figures = new ArrayList<>();

        Curve trainLoss = find(curves, MetricPoint.TRAIN, MetricNames.LOSS);
        if (trainLoss != null) {
            figures.add(write(trainingChart(trainLoss, "training loss", family), "training loss",
                    dir.resolve("train-loss.png")));
        }
        List<Curve> evals = new ArrayList<>();
        for (Curve c : curves) {
            if (!c.split().equals(MetricPoint.TRAIN) && !c.metric().equals(MetricNames.LEARNING_RATE)) {
                evals.add(c);
            }
        }
        // dev first, then other splits in order of appearance; within a split the canonical metric order
        List<String> splits = new ArrayList<>();
        evals.forEach(c -> {
            if (!splits.contains(c.split())) {
                splits.add(c.split());
            }
        });
        splits.sort(Comparator.comparing(s -> !s.equals(MetricPoint.DEV)));
        evals.sort(Comparator.<Curve>comparingInt(c -> splits.indexOf(c.split())).thenComparingInt(c -> rank(c.metric())));
        for (Curve c : evals) {
            String title = c.split() + " " + MetricNames.label(c.metric());
            figures.add(write(evalChart(c, title, family), title, dir.resolve(c.split() + "-" + c.metric() + ".png")));
        }
        for (Curve c : curves) {
            if (c.split().equals(MetricPoint.TRAIN) && !c.metric().equals(MetricNames.LOSS)
                    && !c.metric().equals(MetricNames.LEARNING_RATE)) {
                String title = "training " + MetricNames.label(c.metric());
                figures.add(write(trainingChart(c, title, family), title, dir.resolve("train-" + c.metric() + ".png")));
            }
        }
        Curve lr = find(curves, MetricPoint.TRAIN, MetricNames.LEARNING_RATE);
        if (lr == null) {
            lr = curves.stream().filter(c -> c.metric().equals(MetricNames.LEARNING_RATE)).findFirst().orElse(null);
        }
        if (lr != null) {
            figures.add(write(lrChart(lr, family), "learning rate",
                    dir.resolve(lr.split() + "-" + MetricNames.LEARNING_RATE + ".png")));
        }
        return figures;
    }

    private static Figure write(XYChart chart, String title, Path file) throws IOException {
        Png.write(BitmapEncoder.getBufferedImage(chart), file);
        return new Figure(title, file);
    }

    private static XYChart trainingChart(Curve c, String title, String family) {
        XYChart chart = newChart(withOmitted(title, c), MetricNames.label(c.metric()), family);
        roundTicks(chart, c);
        XYSeries raw = chart.addSeries("raw", c.steps(), c.values());
        raw.setMarker(c.steps().length == 1 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        raw.setLineColor(RAW);
        raw.setMarkerColor(RAW);
        raw.setLineStyle(new BasicStroke(1.2f));
        if (c.steps().length > 1) {
            double weight = Smoothing.weightFor(c.values().length);
            String name = String.format(Locale.ROOT, "smoothed (EMA %.2f)", weight);
            XYSeries smooth = chart.addSeries(name, c.steps(), Smoothing.ema(c.values(), weight));
            smooth.setMarker(SeriesMarkers.NONE);
            smooth.setLineColor(SMOOTH);
            smooth.setLineStyle(new BasicStroke(2.5f));
        }
        return chart;
    }

    private static XYChart evalChart(Curve c, String title, String family) {
        XYChart chart = newChart(withOmitted(title, c), MetricNames.label(c.metric()), family);
        chart.getStyler().setLegendVisible(false);
        roundTicks(chart, c);
        XYSeries s = chart.addSeries(c.split(), c.steps(), c.values());
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(EVAL);
        s.setLineColor(EVAL);
        s.setLineStyle(new BasicStroke(2f));
        return chart;
    }

    private static XYChart lrChart(Curve c, String family) {
        XYChart chart = newChart(withOmitted("learning rate", c), "learning rate", family);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setYAxisDecimalPattern("0.0##E0"); // rates span decades: 1.0E-3, 2.5E-4
        chart.getStyler().setYAxisMin(0.0);
        roundTicks(chart, c);
        XYSeries s = chart.addSeries(MetricNames.LEARNING_RATE, c.steps(), c.values());
        s.setMarker(c.steps().length == 1 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        s.setMarkerColor(RATE);
        s.setLineColor(RATE);
        s.setLineStyle(new BasicStroke(2f));
        return chart;
    }

    /**
     * XChart 3.8.8 puts the ticks of an axis at the data values themselves when those are evenly
     * spaced (steps 10, 20, 30... give ticks at 10, 190, 370...), and counts values whose gaps differ
     * by under 1e-4 as evenly spaced (so every learning-rate curve, with overlapping labels). The
     * test reads the values of every series in insertion order, disabled ones included, while a
     * disabled series is neither drawn, nor in the legend, nor in the axis range. A first, disabled
     * series holding the last point and then the first makes the gaps uneven, and XChart falls back
     * to round ticks (0, 500, 1,000...).
     */
    private static void roundTicks(XYChart chart, Curve c) {
        int n = c.steps().length;
        if (n < 2) {
            return;
        }
        XYSeries anchor = chart.addSeries("\u0000ticks", new double[] {c.steps()[n - 1], c.steps()[0]},
                new double[] {c.values()[n - 1], c.values()[0]});
        anchor.setEnabled(false);
        anchor.setShowInLegend(false);
    }

    private static XYChart newChart(String title, String yTitle, String family) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("step").yAxisTitle(yTitle).build();
        XYStyler styler = chart.getStyler();
        styler.setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Line);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderColor(new Color(0xBB, 0xBB, 0xBB));
        styler.setPlotGridLinesColor(new Color(0xE4, 0xE4, 0xE4));
        styler.setChartFontColor(Color.BLACK);
        styler.setAxisTickLabelsColor(new Color(0x33, 0x33, 0x33));
        styler.setChartTitleBoxVisible(false);
        // sized to stay legible when the report page shows two charts side by side (~0.75 scale)
        styler.setChartTitleFont(new Font(family, Font.BOLD, 17));
        styler.setAxisTitleFont(new Font(family, Font.PLAIN, 15));
        styler.setAxisTickLabelsFont(new Font(family, Font.PLAIN, 13));
        styler.setLegendFont(new Font(family, Font.PLAIN, 13));
        styler.setLegendPosition(LegendPosition.InsideNE);
        styler.setLegendBorderColor(new Color(0xCC, 0xCC, 0xCC));
        styler.setToolTipsEnabled(false);
        styler.setMarkerSize(7);
        styler.setXAxisDecimalPattern("#,##0");
        return chart;
    }

    private static String withOmitted(String title, Curve c) {
        return c.nonFinite() == 0 ? title
                : String.format(Locale.ROOT, "%s (%d non-finite value%s not shown)", title, c.nonFinite(),
                        c.nonFinite() == 1 ? "" : "s");
    }

    private static Curve find(List<Curve> curves, String split, String metric) {
        for (Curve c : curves) {
            if (c.split().equals(split) && c.metric().equals(metric)) {
                return c;
            }
        }
        return null;
    }

    private static int rank(String metric) {
        int i = ORDER.indexOf(metric);
        return i >= 0 ? i : ORDER.size();
    }
}
