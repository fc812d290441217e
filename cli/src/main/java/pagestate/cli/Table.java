package pagestate.cli;

import java.io.PrintWriter;
import pagestate.reports.PropertyReport;
import pagestate.reports.SpecReport;

/**
 * The verdict table on stdout: one row per expectation (every checked property for a spec that states
 * none), with the spec's state count and time.
 */
final class Table {

    private static final String FORMAT = "%-34s %-27s %-9s %-9s %10s %8s%n";

    private final PrintWriter out;
    private final boolean quiet;

    Table(PrintWriter out, boolean quiet) {
        this.out = out;
        this.quiet = quiet;
    }

    void header() {
        if (quiet) return;
        out.printf(FORMAT, "SPEC", "PROPERTY", "EXPECTED", "ACTUAL", "STATES", "SECONDS");
    }

    void rows(SpecReport r) {
        if (quiet) return;
        boolean gated = r.properties().stream().anyMatch(PropertyReport::gated);
        for (PropertyReport p : r.properties()) {
            if (gated && !p.gated()) continue;
            String mark = p.met() == null ? "" : p.met() ? "" : "  <-- NOT MET";
            out.printf(FORMAT.replace("%n", mark + "%n"), clip(r.name(), 34), clip(p.name(), 27),
                    p.expected() == null ? "-" : p.expected().word(), p.actual().word(),
                    String.format("%,d", r.stats().distinctStates()), String.format("%.2f", r.stats().seconds()));
        }
        out.flush();
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "~";
    }
}
