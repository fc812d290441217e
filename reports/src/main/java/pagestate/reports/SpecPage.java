package pagestate.reports;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** One spec's page: its facts, its step list, its verdicts, and each counterexample drawn and written out. */
final class SpecPage {

    private SpecPage() {
    }

    static String html(RunReport report, SpecReport spec, List<Counterexample> counterexamples, Path dir) {
        StringBuilder h = new StringBuilder();
        HtmlReport.page(h, spec.name() + " \u2014 " + report.tool(), spec.name(),
                "<a href=\"../index.html\">\u2190 all specs</a> \u00b7 " + Html.escape(spec.description()));
        h.append("<main>\n<dl class=\"facts\">\n");
        fact(h, "file", spec.file());
        fact(h, "platform", spec.platform());
        fact(h, "system", spec.system());
        fact(h, "exploration", spec.complete() ? "complete" : "incomplete: a limit stopped it");
        RunStats stats = spec.stats();
        fact(h, "states", String.format(Locale.ROOT, "%,d distinct, %,d transitions, max depth %d",
                stats.distinctStates(), stats.transitions(), stats.maxDepth()));
        fact(h, "time", String.format(Locale.ROOT, "%.3f s (%,.0f states/s, %.1f bytes/state)",
                stats.seconds(), stats.statesPerSecond(), stats.bytesPerState()));
        fact(h, "reduction", stats.reduction());
        // lines that carry their own numbers ("1. vm_unmap_aliases()") are not numbered again
        boolean numbered = spec.steps().stream().anyMatch(step -> step.matches("\\s*\\d+[.):].*"));
        h.append("</dl>\n<h2>Converter steps</h2>\n<ol class=\"steps").append(numbered ? " own-numbers" : "")
                .append("\">\n");
        for (String step : spec.steps()) {
            h.append("<li>").append(Html.escape(step)).append("</li>\n");
        }
        h.append("</ol>\n");
        properties(h, spec);
        coverage(h, spec.coverage());
        List<String> anchors = Slugs.forProperties(spec);
        for (Counterexample cx : counterexamples) {
            String anchor = anchors.get(spec.properties().indexOf(cx.property()));
            h.append("<section class=\"cx\" id=\"").append(Html.escape(anchor)).append("\">\n<h2>Counterexample: ")
                    .append(Html.escape(cx.property().name())).append("</h2>\n");
            if (cx.property().outcome() != null) {
                h.append("<p>").append(Html.escape(cx.property().outcome())).append("</p>\n");
            }
            h.append("<p class=\"files\">");
            for (Path file : java.util.stream.Stream.of(cx.svgFile(), cx.png(), cx.txt(), cx.dot())
                    .filter(java.util.Objects::nonNull).toList()) {
                String name = dir.relativize(file).toString().replace('\\', '/');
                h.append("<a href=\"").append(Html.escape(name)).append("\">").append(Html.escape(name))
                        .append("</a>");
            }
            h.append("</p>\n<div class=\"diagram\">\n").append(uniqueIds(cx.svg(), anchor)).append("\n</div>\n<pre>")
                    .append(Html.escape(cx.text())).append("</pre>\n</section>\n");
        }
        h.append("</main>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void properties(StringBuilder h, SpecReport spec) {
        List<String> anchors = Slugs.forProperties(spec);
        h.append("<h2>Properties</h2>\n<table id=\"properties\">\n<thead><tr><th>property</th><th>verdict</th>")
                .append("<th>outcome</th></tr></thead>\n<tbody>\n");
        for (int p = 0; p < spec.properties().size(); p++) {
            PropertyReport property = spec.properties().get(p);
            VerdictCell cell = VerdictCell.of(property);
            h.append("<tr><th>");
            if (property.trace() != null) {
                h.append("<a href=\"#").append(Html.escape(anchors.get(p))).append("\">")
                        .append(Html.escape(property.name())).append("</a>");
            } else {
                h.append(Html.escape(property.name()));
            }
            h.append("</th><td class=\"").append(cell.cssClass()).append("\">").append(cell.html())
                    .append("</td><td>").append(Html.escape(property.outcome())).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    /** How often each actor and step fired; a warning for each that never did. */
    private static void coverage(StringBuilder h, Coverage coverage) {
        if (coverage.actors().isEmpty() && coverage.steps().isEmpty() && coverage.actions().isEmpty()) {
            return;
        }
        h.append("<h2>Coverage</h2>\n");
        for (String warning : coverage.warnings()) {
            h.append("<p class=\"warning\">warning: ").append(Html.escape(warning)).append("</p>\n");
        }
        if (!coverage.measured()) {
            h.append("<p>Not counted in full (the exploration stopped early, or went on past the first 20,000 states counted): no warnings.</p>\n");
        }
        h.append("<table id=\"coverage\">\n<thead><tr><th>actor or converter step</th><th>fired</th></tr></thead>")
                .append("\n<tbody>\n");
        for (Coverage.Count count : coverage.actors()) {
            coverageRow(h, "actor " + count.name(), count.fired());
        }
        for (int i = 0; i < coverage.steps().size(); i++) {
            coverageRow(h, "step " + (i + 1) + ": " + coverage.steps().get(i).name(), coverage.steps().get(i).fired());
        }
        h.append("</tbody></table>\n");
        if (coverage.actions().isEmpty()) {
            return;
        }
        h.append("<table id=\"coverage-actions\">\n<thead><tr><th>actor</th><th>action</th><th>fired</th></tr></thead>")
                .append("\n<tbody>\n");
        for (Coverage.Action action : coverage.actions()) {
            h.append("<tr><td>").append(Html.escape(action.actor())).append("</td><th>").append(Html.escape(action.action()))
                    .append("</th><td class=\"num\">").append(String.format(Locale.ROOT, "%,d", action.fired()))
                    .append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    private static void coverageRow(StringBuilder h, String name, long fired) {
        h.append("<tr").append(fired == 0 ? " class=\"unmet\"" : "").append("><th>").append(Html.escape(name))
                .append("</th><td class=\"num\">").append(String.format(Locale.ROOT, "%,d", fired)).append("</td></tr>\n");
    }

    /** Prefixes the SVG's element ids so that several inline diagrams on one page do not clash. */
    static String uniqueIds(String svg, String prefix) {
        return svg.replace(" id=\"", " id=\"" + prefix + "-");
    }

    private static void fact(StringBuilder h, String name, String value) {
        h.append("<dt>").append(Html.escape(name)).append("</dt><dd>").append(Html.escape(value)).append("</dd>\n");
    }
}
