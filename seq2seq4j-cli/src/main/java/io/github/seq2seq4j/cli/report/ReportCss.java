package io.github.seq2seq4j.cli.report;

/** The report page's style sheet, inlined so the page needs nothing but the files beside it. */
final class ReportCss {
    static final String CSS = """
            :root { --fg: #1f2328; --muted: #656d76; --line: #d0d7de; --head: #f6f8fa;
                    --ok: #e6f4ea; --bad: #fdecea; --mark: #ffe08a; --accent: #084594; }
            * { box-sizing: border-box; }
            body { margin: 0; color: var(--fg); background: #fff;
                   font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; }
            header { padding: 24px 32px 12px; border-bottom: 1px solid var(--line); }
            h1 { margin: 0; font-size: 26px; }
            .run { margin: 4px 0 0; color: var(--muted); }
            .note { margin: 6px 0 0; color: var(--muted); font-size: 14px; }
            main { padding: 8px 32px 32px; max-width: 1280px; }
            section { margin-top: 28px; }
            h2 { font-size: 20px; border-bottom: 2px solid var(--accent); padding-bottom: 4px; }
            table { border-collapse: collapse; margin: 8px 0; }
            th, td { border: 1px solid var(--line); padding: 5px 10px; text-align: left; vertical-align: top; }
            thead th { background: var(--head); }
            tbody th { background: var(--head); font-weight: 600; white-space: nowrap; }
            .config { display: grid; grid-template-columns: repeat(auto-fill, minmax(360px, 1fr)); gap: 0 24px;
                      align-items: start; }
            table.kv { width: 100%; }
            table.kv caption { text-align: left; font-weight: 600; padding: 4px 0; }
            table.kv td { word-break: break-all; }
            table.samples th:first-child { width: 4.5em; }
            table.kv td, table.samples td { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 14px; }
            table.samples { width: 100%; }
            table.samples td { word-break: break-word; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            tr.match td { background: var(--ok); }
            tr.mismatch td { background: var(--bad); }
            .status { font-weight: bold; }
            tr.match .status { color: #1a7f37; }
            tr.mismatch .status { color: #cf222e; }
            mark { background: var(--mark); border-radius: 2px; padding: 0 1px; }
            .none { color: var(--muted); font-style: italic; }
            .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(520px, 1fr)); gap: 16px; }
            figure { margin: 0; border: 1px solid var(--line); border-radius: 6px; padding: 8px; background: #fff; }
            figure img { display: block; max-width: 100%; height: auto; margin: 0 auto; }
            figcaption { color: var(--muted); font-size: 13px; text-align: center; margin-top: 4px; }
            footer { padding: 16px 32px; color: var(--muted); font-size: 13px; border-top: 1px solid var(--line); }
            """;

    private ReportCss() {}
}
