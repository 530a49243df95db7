package io.github.seq2seq4j.cli.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.style.AxesChartStyler.TextAlignment;
import org.knowm.xchart.style.HeatMapStyler;
import org.knowm.xchart.style.Styler.LegendPosition;

/**
 * Draws an {@link AttentionMatrix} as a heatmap with XChart: source tokens along x, output tokens
 * along y with the first output at the top (read it like text: each row is one decoding step), the
 * viridis colour scale fixed to [0, 1] with its colour bar on the right, and a title.
 *
 * <p>The picture is sized from the matrix: cells shrink from 56 to 20 pixels as the matrix grows,
 * so 3×3 and 30×30 matrices both stay legible, and source labels turn vertical when a label is
 * wider than its cell. XChart labels every category of a heatmap axis and never drops or
 * overlaps labels that fit, which is why cells have a minimum size.
 */
public final class AttentionHeatmap {
    private static final int MAX_CELL = 56;
    private static final int MIN_CELL = 20;
    /** The side the larger matrix dimension aims for, in pixels. */
    private static final int TARGET_PLOT = 560;
    private static final int MIN_WIDTH = 440;
    private static final int MIN_PLOT_HEIGHT = 180;
    /** Longer tokens are cut on the axes (the JSON keeps them whole). */
    private static final int MAX_LABEL = 24;
    /** Longer sources and translations are cut in a {@link #sentenceTitle}. */
    private static final int MAX_TITLE_PART = 40;

    private AttentionHeatmap() {}

    /** Renders {@code matrix} under {@code title}; the image's size depends on the matrix's. */
    public static BufferedImage render(AttentionMatrix matrix, String title) {
        Headless.ensure();
        int rows = matrix.outputSteps();
        int cols = matrix.srcLen();
        int cell = Math.max(MIN_CELL, Math.min(MAX_CELL, TARGET_PLOT / Math.max(rows, cols)));

        List<String> sourceLabels = shorten(matrix.source());
        List<String> outputLabels = shorten(matrix.output());
        List<String> labels = new ArrayList<>(sourceLabels);
        labels.addAll(outputLabels);
        labels.add(title);
        String family = ChartFonts.familyFor(labels);
        Font tickFont = new Font(family, Font.PLAIN, cell >= 28 ? 15 : 12);
        Font titleFont = new Font(family, Font.BOLD, 16);
        Font axisTitleFont = new Font(family, Font.PLAIN, 14);

        int widestSource = widest(sourceLabels, tickFont);
        int widestOutput = widest(outputLabels, tickFont);
        boolean vertical = widestSource > cell - 6;
        int fontHeight = metrics(tickFont).getHeight();
        int xLabels = vertical ? widestSource : fontHeight;

        // margins estimated from XChart's layout: padding, tick marks, axis titles, legend box
        int width = Math.max(MIN_WIDTH, 10 + 24 + widestOutput + 12 + cols * cell + 12 + 90 + 10);
        // a matrix of few rows gets taller cells: the colour bar beside it needs the height
        int plotHeight = Math.max(rows * cell, MIN_PLOT_HEIGHT);
        int height = 10 + 30 + plotHeight + 12 + xLabels + 26 + 10;
        width = Math.max(width, metrics(titleFont).stringWidth(title) + 40);

        HeatMapChart chart = new HeatMapChartBuilder().width(width).height(height)
                .title(title).xAxisTitle("source").yAxisTitle("output").build();
        HeatMapStyler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setChartFontColor(Color.BLACK);
        styler.setAxisTickLabelsColor(Color.BLACK);
        styler.setChartTitleBoxVisible(false);
        styler.setChartTitleFont(titleFont);
        styler.setAxisTitleFont(axisTitleFont);
        styler.setAxisTickLabelsFont(tickFont);
        styler.setLegendFont(tickFont);
        styler.setPlotContentSize(1.0);
        styler.setPlotGridLinesVisible(false);
        styler.setPlotBorderVisible(false);
        styler.setToolTipsEnabled(false);
        styler.setDrawBorder(true); // each cell outlined in its own colour: no anti-aliased seams between cells
        styler.setXAxisLabelRotation(vertical ? 90 : 0);
        styler.setYAxisLabelAlignment(TextAlignment.Right);
        styler.setRangeColors(Viridis.stops());
        styler.setMin(0.0);
        styler.setMax(1.0);
        styler.setLegendPosition(LegendPosition.OutsideE);
        styler.setLegendBorderColor(Color.WHITE);
        styler.setGradientColorColumnHeight(Math.min(240, plotHeight - 60));
        styler.setGradientColorColumnWeight(18);

        // XChart puts y category 0 at the bottom: feed the outputs bottom-up so output 0 is on top
        List<String> yData = new ArrayList<>(outputLabels);
        Collections.reverse(yData);
        List<Number[]> heat = new ArrayList<>(rows * cols);
        for (int t = 0; t < rows; t++) {
            for (int s = 0; s < cols; s++) {
                heat.add(new Number[] {s, rows - 1 - t, matrix.weight(t, s)});
            }
        }
        chart.addSeries("attention", sourceLabels, yData, heat);
        return BitmapEncoder.getBufferedImage(chart);
    }

    /** Renders {@code matrix} and writes it to {@code png} atomically. */
    public static void write(AttentionMatrix matrix, String title, Path png) throws IOException {
        Png.write(render(matrix, title), png);
    }

    /**
     * A title naming the sentence drawn, {@code "source → translation"}, each cut to
     * {@value #MAX_TITLE_PART} code points.
     */
    public static String sentenceTitle(String source, String translation) {
        return cut(source, MAX_TITLE_PART) + " \u2192 " + cut(translation, MAX_TITLE_PART);
    }

    /** Cuts labels longer than {@link #MAX_LABEL} code points, ending them with an ellipsis. */
    static List<String> shorten(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        for (String token : tokens) {
            out.add(cut(token, MAX_LABEL));
        }
        return out;
    }

    /** {@code text} if it has at most {@code max} code points, else its start and an ellipsis, {@code max} in all. */
    static String cut(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "\u2026";
    }

    private static int widest(List<String> texts, Font font) {
        FontMetrics fm = metrics(font);
        int w = 0;
        for (String text : texts) {
            w = Math.max(w, fm.stringWidth(text));
        }
        return w;
    }

    private static FontMetrics metrics(Font font) {
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            return g.getFontMetrics(font);
        } finally {
            g.dispose();
        }
    }
}
