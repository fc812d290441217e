package pagestate.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;

/**
 * The static HTML report under an output directory: {@code index.html} with the verdict matrix (specs by
 * properties) and each run's figures, linking to {@code <spec>/index.html} per spec (description, step
 * list, and per counterexample its inline SVG diagram and text trace), plus the counterexample files of
 * {@link CounterexampleFiles}. No network resources; every string from a spec file is HTML-escaped.
 */
public final class HtmlReport {

    static final String HOW_TO_READ = "Each row is one spec file: one converter ordering on one platform, "
            + "explored exhaustively within its bounds. Each column is a property. A cell shows the verdict "
            + "the checker reached and the one the spec expects: green when they agree, red when they do not, "
            + "amber when the exploration stopped early (a limit was hit) so there is no verdict, grey when "
            + "the spec states no expectation. Open a spec for its steps and, for every violated property, "
            + "the counterexample: a diagram with one column per actor and one row per step (the violating "
            + "step in red, the window in which a reader could reach the bad state shaded) and the same trace "
            + "as text.";

    static final String LEGEND = "\u2714 expectation met, \u2718 not met, ? incomplete (a limit stopped the"
            + " exploration), \u00b7 no expectation; H holds, V violated. Hover over a cell for its verdict in"
            + " words, over a column for its property; a cell with a counterexample links to it.";

    private HtmlReport() {
    }

    /** Writes the report with PNG images; returns the path of index.html. */
    public static Path write(RunReport report, Path outDir) throws IOException {
        return write(report, outDir, true, (done, total) -> { });
    }

    /**
     * Writes the report, with a PNG of each diagram when {@code png}, telling {@code progress} of each
     * counterexample drawn; returns the path of index.html.
     */
    public static Path write(RunReport report, Path outDir, boolean png, CounterexampleFiles.Progress progress)
            throws IOException {
        Files.createDirectories(outDir);
        List<Counterexample> counterexamples = new CounterexampleFiles(png, progress).write(report, outDir);
        List<String> slugs = Slugs.forSpecs(report);
        for (int s = 0; s < report.specs().size(); s++) {
            SpecReport spec = report.specs().get(s);
            List<Counterexample> own = new ArrayList<>();
            for (Counterexample cx : counterexamples) {
                if (cx.spec() == spec) {
                    own.add(cx);
                }
            }
            Path dir = outDir.resolve(slugs.get(s));
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("index.html"), SpecPage.html(report, spec, own, dir),
                    StandardCharsets.UTF_8);
        }
        Path index = outDir.resolve("index.html");
        Files.writeString(index, index(report, slugs), StandardCharsets.UTF_8);
        return index;
    }

    static String index(RunReport report, List<String> slugs) {
        Summary summary = report.summary();
        StringBuilder h = new StringBuilder();
        page(h, report.tool() + " report", report.tool() + " report",
                Html.escape(report.tool() + " " + report.version()) + " \u00b7 " + report.specs().size()
                        + " spec" + (report.specs().size() == 1 ? "" : "s"));
        h.append("<main>\n<div class=\"summary\">\n")
                .append(badge("met", summary.passed() + " expectations met"))
                .append(badge(summary.failed() > 0 ? "unmet" : "info", summary.failed() + " not met"))
                .append(badge(summary.incomplete() > 0 ? "incomplete" : "info", summary.incomplete() + " incomplete"))
                .append("</div>\n");
        h.append("<p class=\"howto\"><strong>How to read this.</strong> ").append(Html.escape(HOW_TO_READ))
                .append("</p>\n");
        h.append("<h2>Verdicts</h2>\n");
        Map<String, List<Integer>> bySystem = new LinkedHashMap<>();
        for (int s = 0; s < report.specs().size(); s++) {
            bySystem.computeIfAbsent(report.specs().get(s).system(), k -> new ArrayList<>()).add(s);
        }
        for (Map.Entry<String, List<Integer>> group : bySystem.entrySet()) {
            if (bySystem.size() > 1) {
                h.append("<h3>system ").append(Html.escape(group.getKey().isEmpty() ? "(none)" : group.getKey()))
                        .append("</h3>\n");
            }
            matrix(h, report, slugs, group.getValue());
        }
        stats(h, report, slugs);
        h.append("</main>\n</body>\n</html>\n");
        return h.toString();
    }

    /** One verdict matrix: the given specs (one system) by the properties they check. */
    private static void matrix(StringBuilder h, RunReport report, List<String> slugs, List<Integer> specs) {
        List<String> properties = propertyColumns(report, specs);
        h.append("<div class=\"scroll\"><table class=\"matrix\">\n<thead><tr><th>spec</th>")
                .append("<th class=\"prop\" title=\"platform\"><span>platform</span></th>");
        for (String property : properties) {
            // rotated, so that a column is as narrow as its cells; the full name also on hover
            h.append("<th class=\"prop\" title=\"").append(Html.escape(property)).append("\"><span>")
                    .append(Html.escape(property)).append("</span></th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        for (int s : specs) {
            SpecReport spec = report.specs().get(s);
            String href = slugs.get(s) + "/index.html";
            h.append("<tr class=\"spec\"><th><a href=\"").append(Html.escape(href)).append("\">")
                    .append(Html.escape(spec.name())).append("</a>")
                    .append(spec.complete() ? "" : "<br><small>incomplete run</small>").append("</th><td>")
                    .append(Html.escape(spec.platform())).append("</td>");
            List<String> anchors = Slugs.forProperties(spec);
            for (String property : properties) {
                int p = indexOf(spec, property);
                if (p < 0) {
                    h.append("<td class=\"na\" title=\"not checked\">\u2014</td>");
                    continue;
                }
                PropertyReport result = spec.properties().get(p);
                VerdictCell cell = VerdictCell.of(result);
                h.append("<td class=\"").append(cell.cssClass()).append(" v\" title=\"")
                        .append(Html.escape(property + ": " + cell.headline() + " (" + cell.detail() + ")"))
                        .append("\">");
                if (result.trace() != null) {
                    h.append("<a href=\"").append(Html.escape(href + "#" + anchors.get(p))).append("\">")
                            .append(cell.compactHtml()).append("</a>");
                } else {
                    h.append(cell.compactHtml());
                }
                h.append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody></table></div>\n");
        h.append("<p class=\"legend\">").append(Html.escape(LEGEND)).append("</p>\n");
    }

    private static void stats(StringBuilder h, RunReport report, List<String> slugs) {
        h.append("<h2>Runs</h2>\n<div class=\"scroll\"><table id=\"runs\">\n<thead><tr><th>spec</th>")
                .append("<th>complete</th><th>distinct states</th><th>transitions</th><th>max depth</th>")
                .append("<th>seconds</th><th>states/s</th><th>bytes/state</th><th>reduction</th><th>coverage</th></tr></thead>\n")
                .append("<tbody>\n");
        for (int s = 0; s < report.specs().size(); s++) {
            SpecReport spec = report.specs().get(s);
            RunStats stats = spec.stats();
            h.append("<tr><th><a href=\"").append(Html.escape(slugs.get(s) + "/index.html")).append("\">")
                    .append(Html.escape(spec.name())).append("</a></th>")
                    .append("<td class=\"").append(spec.complete() ? "met\">yes" : "incomplete\">no").append("</td>")
                    .append(num(String.format(Locale.ROOT, "%,d", stats.distinctStates())))
                    .append(num(String.format(Locale.ROOT, "%,d", stats.transitions())))
                    .append(num(Integer.toString(stats.maxDepth())))
                    .append(num(String.format(Locale.ROOT, "%.3f", stats.seconds())))
                    .append(num(String.format(Locale.ROOT, "%,.0f", stats.statesPerSecond())))
                    .append(num(String.format(Locale.ROOT, "%.1f", stats.bytesPerState())))
                    .append("<td>").append(Html.escape(stats.reduction())).append("</td>")
                    .append(coverageCell(spec.coverage())).append("</tr>\n");
        }
        h.append("</tbody></table></div>\n");
    }

    private static String coverageCell(Coverage coverage) {
        List<String> warnings = coverage.warnings();
        if (warnings.isEmpty()) {
            return "<td>" + (coverage.measured() ? "every actor and step fired" : "\u2014") + "</td>";
        }
        return "<td class=\"incomplete\" title=\"" + Html.escape(String.join("; ", warnings)) + "\">"
                + warnings.size() + " never fired</td>";
    }

    /** The start of a page, up to and including its header. */
    static void page(StringBuilder h, String title, String heading, String subtitleHtml) {
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n<style>\n")
                .append(HtmlStyle.CSS).append("</style>\n</head>\n<body>\n<header><h1>")
                .append(Html.escape(heading)).append("</h1><p>").append(subtitleHtml).append("</p></header>\n");
    }

    private static List<String> propertyColumns(RunReport report, List<Integer> specs) {
        Set<String> names = new LinkedHashSet<>();
        for (int s : specs) {
            for (PropertyReport property : report.specs().get(s).properties()) {
                names.add(property.name());
            }
        }
        return new ArrayList<>(names);
    }

    private static int indexOf(SpecReport spec, String property) {
        for (int i = 0; i < spec.properties().size(); i++) {
            if (spec.properties().get(i).name().equals(property)) {
                return i;
            }
        }
        return -1;
    }

    private static String badge(String cssClass, String text) {
        return "<span class=\"badge " + cssClass + "\">" + Html.escape(text) + "</span>\n";
    }

    private static String num(String text) {
        return "<td class=\"num\">" + text + "</td>";
    }
}
