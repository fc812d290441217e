package pagestate.reports;

/** The report's stylesheet, inlined into every page: no network, no web fonts. */
final class HtmlStyle {

    static final String CSS = """
            :root { --ink: #1f2933; --muted: #5b6770; --line: #d9e0e6; --paper: #ffffff; --bg: #f5f7fa; }
            * { box-sizing: border-box; }
            body { margin: 0; background: var(--bg); color: var(--ink); line-height: 1.45;
                   font-family: "DejaVu Sans", "Helvetica Neue", Helvetica, Arial, sans-serif; font-size: 15px; }
            header { background: #22313f; color: #fff; padding: 18px 32px; }
            header h1 { margin: 0; font-size: 22px; }
            header p { margin: 4px 0 0; color: #c9d3dc; }
            header a { color: #c9e2ff; }
            main { padding: 20px 24px 48px; max-width: 1500px; }
            h2 { font-size: 18px; margin: 28px 0 10px; }
            a { color: #1d5fa8; }
            .summary { display: flex; gap: 12px; flex-wrap: wrap; margin: 8px 0 16px; }
            .badge { padding: 8px 14px; border-radius: 6px; font-weight: bold; border: 1px solid var(--line); }
            .howto { background: var(--paper); border: 1px solid var(--line); border-left: 4px solid #1d5fa8;
                     padding: 10px 16px; border-radius: 4px; max-width: 1000px; }
            .scroll { overflow-x: auto; }
            table { border-collapse: collapse; background: var(--paper); }
            th, td { border: 1px solid var(--line); padding: 6px 10px; text-align: left; vertical-align: top; }
            th { background: #e9eef3; font-weight: bold; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            td small, dd small { color: var(--muted); }
            .met { background: #e1f5e6; color: #14532d; }
            .unmet { background: #fddede; color: #7f1d1d; font-weight: bold; }
            .incomplete { background: #fff1cc; color: #7a4b00; }
            .info { background: #eef2f6; color: #3f4b57; }
            .na { color: #9aa5ad; text-align: center; }
            dl.facts { display: grid; grid-template-columns: max-content auto; gap: 4px 16px; margin: 0; }
            dl.facts dt { color: var(--muted); }
            dl.facts dd { margin: 0; }
            ol.steps { background: var(--paper); border: 1px solid var(--line); padding: 10px 10px 10px 40px;
                       font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 13px; }
            ol.steps.own-numbers { list-style: none; padding-left: 14px; }
            td a { color: inherit; text-decoration: none; display: block; }
            td a:hover { text-decoration: underline; }
            section.cx { background: var(--paper); border: 1px solid var(--line); border-radius: 6px;
                         padding: 4px 20px 16px; margin: 20px 0; }
            .diagram { overflow-x: auto; border: 1px solid var(--line); padding: 8px; margin: 10px 0; }
            .diagram svg { display: block; }
            pre { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 13px;
                  background: #fbfcfd; border: 1px solid var(--line); padding: 10px 12px; overflow-x: auto; }
            .files a { margin-right: 12px; }
            table.matrix th.prop { vertical-align: bottom; padding: 6px 2px; white-space: nowrap; }
            table.matrix th.prop span { writing-mode: vertical-rl; transform: rotate(180deg); font-size: 12px;
                                        font-weight: normal; }
            table.matrix td.v { text-align: center; white-space: nowrap; padding: 3px 3px; font-size: 12px; }
            table.matrix tbody th, table.matrix tbody td { white-space: nowrap; font-size: 13px; }
            .legend { color: var(--muted); font-size: 13px; max-width: 1000px; }
            .warning { background: #fff1cc; color: #7a4b00; border-left: 4px solid #d69e2e; padding: 6px 12px; }
            """;

    private HtmlStyle() {
    }
}
