package io.github.seq2seq4j.cli.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a run's report as one self-contained HTML page, {@code index.html}, with its pictures
 * beside it: {@code curves/*.png} ({@link TrainingCurves}) and {@code attention/sample-N.png} with
 * {@code sample-N.json} ({@link AttentionHeatmap}, {@link AttentionJson}). The page has the
 * best checkpoint's scores, the curves, the sample translations (exact matches marked, and the
 * words or characters where hypothesis and reference differ highlighted), the heatmaps, and the
 * configuration, one table per section. It uses no script and loads nothing from outside its directory; every piece of text is
 * HTML-escaped. Each file is written atomically, the page last, so an open page never points at a
 * missing picture.
 */
public final class HtmlReport {
    /** How many samples get an attention heatmap unless told otherwise. */
    public static final int DEFAULT_ATTENTION_SAMPLES = 4;
    /** The page's file name inside the report directory. */
    public static final String INDEX = "index.html";

    private HtmlReport() {}

    /** Writes the report into {@code dir} with up to {@value #DEFAULT_ATTENTION_SAMPLES} heatmaps; returns the page. */
    public static Path write(RunReport report, Path dir) throws IOException {
        return write(report, dir, DEFAULT_ATTENTION_SAMPLES);
    }

    /**
     * Writes the report into {@code dir} (created if needed), drawing heatmaps for the first
     * {@code maxAttention} samples that have attention weights; returns the page's path.
     */
    public static Path write(RunReport report, Path dir, int maxAttention) throws IOException {
        if (maxAttention < 0) {
            throw new IllegalArgumentException("maxAttention must be >= 0, got " + maxAttention);
        }
        List<Figure> curves = TrainingCurves.write(report.metrics(), dir.resolve("curves"));
        List<Figure> heatmaps = new ArrayList<>();
        List<Sample> samples = report.samples();
        for (int i = 0; i < samples.size() && heatmaps.size() < maxAttention; i++) {
            AttentionMatrix attention = samples.get(i).attention();
            if (attention != null) {
                String name = String.format(Locale.ROOT, "sample-%d", i + 1);
                Path png = dir.resolve("attention").resolve(name + ".png");
                String title = String.format(Locale.ROOT, "sample %d: %s", i + 1,
                        AttentionHeatmap.sentenceTitle(samples.get(i).source(), samples.get(i).hypothesis()));
                AttentionHeatmap.write(attention, title, png);
                Map<String, Object> about = new LinkedHashMap<>();
                about.put("source", samples.get(i).source());
                about.put("translation", samples.get(i).hypothesis());
                about.put("reference", samples.get(i).reference());
                AttentionJson.write(about, attention, png.resolveSibling(name + ".json"));
                heatmaps.add(new Figure(String.format(Locale.ROOT, "sample %d", i + 1), png));
            }
        }
        Path index = dir.resolve(INDEX);
        AtomicFiles.writeString(index, html(report, curves, heatmaps, dir));
        return index;
    }

    /** The page's HTML; figure paths are written relative to {@code dir}. */
    static String html(RunReport report, List<Figure> curves, List<Figure> heatmaps, Path dir) {
        StringBuilder out = new StringBuilder(16_384);
        String title = Html.escape(report.title());
        String run = Html.escape(report.runName());
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(title).append(" \u2014 ").append(run).append("</title>\n")
                .append("<style>\n").append(ReportCss.CSS).append("</style>\n</head>\n<body>\n")
                .append("<header><h1>").append(title).append("</h1>\n<p class=\"run\">run <strong>")
                .append(run).append("</strong></p>\n");
        for (String note : report.notes()) {
            out.append("<p class=\"note\">").append(Html.escape(note)).append("</p>\n");
        }
        out.append("</header>\n<main>\n");
        // results first; the configuration, long, last
        bestSection(out, report.best());
        curvesSection(out, curves, dir);
        samplesSection(out, report.samples());
        attentionSection(out, heatmaps, dir);
        configSection(out, report.config());
        out.append("</main>\n<footer>written by seq2seq4j</footer>\n</body>\n</html>\n");
        return out.toString();
    }

    private static void configSection(StringBuilder out, Map<String, Object> config) {
        out.append("<section id=\"config\">\n<h2>Configuration</h2>\n");
        Map<String, Map<String, String>> groups = ConfigTable.groups(config);
        if (groups.isEmpty()) {
            out.append("<p class=\"none\">No configuration recorded.</p>\n");
        } else {
            out.append("<div class=\"config\">\n");
            groups.forEach((group, rows) -> {
                out.append("<table class=\"kv\">\n<caption>").append(Html.escape(group))
                        .append("</caption>\n<tbody>\n");
                rows.forEach((k, v) -> out.append("<tr><th scope=\"row\">").append(Html.escape(k)).append("</th><td>")
                        .append(Html.escape(v)).append("</td></tr>\n"));
                out.append("</tbody>\n</table>\n");
            });
            out.append("</div>\n");
        }
        out.append("</section>\n");
    }

    private static void bestSection(StringBuilder out, BestCheckpoint best) {
        out.append("<section id=\"best\">\n<h2>Best checkpoint</h2>\n");
        if (best == null) {
            out.append("<p class=\"none\">No best checkpoint recorded.</p>\n");
        } else {
            out.append("<p><code>").append(Html.escape(best.name())).append("</code>, step ")
                    .append(String.format(Locale.ROOT, "%,d", best.step())).append("</p>\n");
            if (!best.scores().isEmpty()) {
                out.append("<table class=\"scores\">\n<thead><tr><th scope=\"col\">metric</th>")
                        .append("<th scope=\"col\">value</th></tr></thead>\n<tbody>\n");
                best.scores().forEach((metric, value) -> out.append("<tr><th scope=\"row\">")
                        .append(Html.escape(MetricNames.label(metric))).append("</th><td class=\"num\">")
                        .append(Html.escape(formatScore(value))).append("</td></tr>\n"));
                out.append("</tbody>\n</table>\n");
            }
        }
        out.append("</section>\n");
    }

    private static void curvesSection(StringBuilder out, List<Figure> curves, Path dir) {
        out.append("<section id=\"curves\">\n<h2>Training curves</h2>\n");
        if (curves.isEmpty()) {
            out.append("<p class=\"none\">No metrics recorded.</p>\n");
        } else {
            out.append("<div class=\"grid\">\n");
            curves.forEach(f -> figure(out, f, dir));
            out.append("</div>\n");
        }
        out.append("</section>\n");
    }

    private static void samplesSection(StringBuilder out, List<Sample> samples) {
        out.append("<section id=\"samples\">\n<h2>Sample translations</h2>\n");
        if (samples.isEmpty()) {
            out.append("<p class=\"none\">No samples.</p>\n</section>\n");
            return;
        }
        long withReference = samples.stream().filter(s -> s.reference() != null).count();
        long matches = samples.stream().filter(Sample::exactMatch).count();
        if (withReference > 0) {
            out.append(String.format(Locale.ROOT, "<p>%d of %d with a reference match it exactly; "
                    + "<mark>highlighted</mark> text differs between hypothesis and reference.</p>\n",
                    matches, withReference));
        }
        out.append("<table class=\"samples\">\n<thead><tr><th scope=\"col\">#</th><th scope=\"col\">source</th>")
                .append("<th scope=\"col\">hypothesis</th><th scope=\"col\">reference</th></tr></thead>\n<tbody>\n");
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            String rowClass = s.reference() == null ? "noref" : s.exactMatch() ? "match" : "mismatch";
            String mark = s.reference() == null ? "" : s.exactMatch() ? " \u2713" : " \u2717";
            out.append("<tr class=\"").append(rowClass).append("\"><td class=\"num\">").append(i + 1)
                    .append("<span class=\"status\">").append(mark).append("</span></td><td>")
                    .append(Html.escape(s.source())).append("</td>");
            if (s.reference() == null) {
                out.append("<td>").append(Html.escape(s.hypothesis())).append("</td><td class=\"none\">\u2014</td>");
            } else if (s.exactMatch()) {
                out.append("<td>").append(Html.escape(s.hypothesis())).append("</td><td>")
                        .append(Html.escape(s.reference())).append("</td>");
            } else {
                TextDiff.Result diff = TextDiff.diff(s.hypothesis(), s.reference());
                out.append("<td>");
                spans(out, diff.hypothesis());
                out.append("</td><td>");
                spans(out, diff.reference());
                out.append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n</section>\n");
    }

    private static void spans(StringBuilder out, List<TextDiff.Span> spans) {
        for (TextDiff.Span span : spans) {
            if (span.changed()) {
                out.append("<mark>").append(Html.escape(span.text())).append("</mark>");
            } else {
                out.append(Html.escape(span.text()));
            }
        }
    }

    private static void attentionSection(StringBuilder out, List<Figure> heatmaps, Path dir) {
        out.append("<section id=\"attention\">\n<h2>Attention</h2>\n");
        if (heatmaps.isEmpty()) {
            out.append("<p class=\"none\">No attention weights recorded.</p>\n");
        } else {
            out.append("<p>Each row is one output token; its colours show where in the source the decoder "
                    + "looked while producing it (0 dark, 1 bright).</p>\n<div class=\"grid\">\n");
            for (Figure f : heatmaps) {
                String png = relative(dir, f.file());
                String json = png.substring(0, png.length() - ".png".length()) + ".json";
                out.append("<figure><img src=\"").append(Html.escape(png)).append("\" alt=\"")
                        .append(Html.escape(f.title() + ": attention heatmap")).append("\">")
                        .append("<figcaption>").append(Html.escape(f.title()))
                        .append(" \u00b7 <a href=\"").append(Html.escape(json)).append("\">weights (JSON)</a>")
                        .append("</figcaption></figure>\n");
            }
            out.append("</div>\n");
        }
        out.append("</section>\n");
    }

    private static void figure(StringBuilder out, Figure f, Path dir) {
        // the chart carries its own title, so no caption
        out.append("<figure><img src=\"").append(Html.escape(relative(dir, f.file()))).append("\" alt=\"")
                .append(Html.escape(f.title())).append("\"></figure>\n");
    }

    /** {@code file} relative to {@code dir}, with forward slashes, as a link from the page. */
    private static String relative(Path dir, Path file) {
        Path rel = dir.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
        return rel.toString().replace('\\', '/');
    }

    /** Scores with four decimals at most, no trailing zeros, and scientific notation for tiny or huge values. */
    static String formatScore(Double value) {
        if (value == null) {
            return "\u2014";
        }
        double v = value;
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e7)) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        String s = String.format(Locale.ROOT, "%.4f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
