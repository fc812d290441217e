package pagestate.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import pagestate.specs.Spec;

/**
 * The catalogue table of specs/README.md, built from the specs themselves (name, system, platform,
 * description, expectations), so that it cannot go stale: {@code CatalogueTableTest} compares it with the
 * README and, asked to, writes it there. The table sits between {@link #BEGIN} and {@link #END}.
 */
final class CatalogueTable {

    static final String BEGIN = "<!-- catalogue table: generated from specs/catalog by CatalogueTableTest; to rewrite it run"
            + " mvn -B -o -q test -pl cli -am -Dtest=CatalogueTableTest -Dsurefire.failIfNoSpecifiedTests=false"
            + " -Dpagestate.writeCatalogueTable=true -->";
    static final String END = "<!-- end of the generated catalogue table -->";

    private CatalogueTable() { }

    /** The table, one row per spec in the order given, with the markers around it. */
    static List<String> lines(List<Spec> specs) {
        List<String> lines = new ArrayList<>();
        lines.add(BEGIN);
        lines.add("| spec | system | platform | what | expected violated | expected to hold |");
        lines.add("| --- | --- | --- | --- | --- | --- |");
        for (Spec s : specs) {
            lines.add("| `" + s.name() + "` | " + s.system() + " | " + cell(s.config().platformLabel()) + " | "
                    + cell(s.description()) + " | " + expected(s, false) + " | " + expected(s, true) + " |");
        }
        lines.add(END);
        return lines;
    }

    private static String expected(Spec s, boolean holds) {
        return s.expectations().stream().filter(e -> e.holds() == holds).map(e -> "`" + e.property() + "`")
                .collect(Collectors.joining(", "));
    }

    /** Text in a Markdown table cell: a pipe would end the cell, a line break the row. */
    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }

    /**
     * {@code readme} with the lines between the markers (and the markers) replaced by {@code table}; null when
     * the readme has no such markers.
     */
    static List<String> replaced(List<String> readme, List<String> table) {
        int begin = -1;
        int end = -1;
        for (int i = 0; i < readme.size(); i++) {
            if (readme.get(i).startsWith("<!-- catalogue table:") && begin < 0) begin = i;
            if (readme.get(i).equals(END) && begin >= 0) end = i;
        }
        if (begin < 0 || end < 0) return null;
        List<String> out = new ArrayList<>(readme.subList(0, begin));
        out.addAll(table);
        out.addAll(readme.subList(end + 1, readme.size()));
        return out;
    }
}
