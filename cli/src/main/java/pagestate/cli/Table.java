package pagestate.cli;

import java.io.PrintWriter;
import java.util.Locale;
import pagestate.reports.Actual;
import pagestate.reports.PropertyReport;
import pagestate.reports.SpecReport;
import pagestate.reports.TextWrap;

/**
 * The verdicts on stdout, at most 100 columns, full names: per spec one line with its platform, state
 * count and time, then one line per expectation (every checked property for a spec that states none)
 * and per property violated without an expectation. A NOT MET line says the outcome in a few words and
 * the {@code explain} command that shows it. Under a spec line, a warning for each actor and converter
 * step that never fired while it was explored; with --coverage, how often each actor did each kind of
 * action, one line per actor. With --quiet only the unmet expectations are printed, each with its
 * {@code explain} command.
 */
final class Table {

    static final int WIDTH = 100;
    private static final String SPEC_FORMAT = "%-44s %-8s %12s %8s%n";
    private static final int PROPERTY_WIDTH = 30;

    private final PrintWriter out;
    private final boolean quiet;
    private final boolean coverage;

    Table(PrintWriter out, boolean quiet) {
        this(out, quiet, false);
    }

    Table(PrintWriter out, boolean quiet, boolean coverage) {
        this.out = out;
        this.quiet = quiet;
        this.coverage = coverage;
    }

    private boolean headed;

    /** {@link #rows} under the header, printed before the first spec's rows (none when no spec was checked). */
    void row(SpecReport r) {
        if (!headed) header();
        headed = true;
        rows(r);
    }

    void header() {
        if (quiet) return;
        out.printf(SPEC_FORMAT, "SPEC", "PLATFORM", "STATES", "SECONDS");
        out.println(property("PROPERTY", "EXPECTED", "ACTUAL").stripTrailing());
    }

    void rows(SpecReport r) {
        if (!quiet) {
            String states = String.format(Locale.ROOT, "%,d", r.stats().distinctStates());
            String seconds = String.format(Locale.ROOT, "%.2f", r.stats().seconds());
            if (r.name().length() > 44) {
                out.println(r.name());
                out.printf(SPEC_FORMAT, "", r.platform(), states, seconds);
            } else {
                out.printf(SPEC_FORMAT, r.name(), r.platform(), states, seconds);
            }
            for (String warning : r.coverage().warnings()) {
                for (String line : TextWrap.wrap("warning: " + warning + " (coverage)", WIDTH, "  ", "      ")) {
                    out.println(line);
                }
            }
            if (coverage) coverage(r);
        }
        boolean gated = r.properties().stream().anyMatch(PropertyReport::gated);
        for (PropertyReport p : r.properties()) {
            boolean unmet = Boolean.FALSE.equals(p.met()) && p.actual() != Actual.UNKNOWN;
            if (quiet) {
                if (unmet) unmetLine(r, p);
                continue;
            }
            boolean shown = !gated || p.gated() || p.actual() == Actual.VIOLATED;
            if (!shown) continue;
            String mark = !p.gated() && gated ? "(no expectation)" : unmet ? "NOT MET" : "";
            out.println((property(p.name(), p.expected() == null ? "-" : p.expected().word(), p.actual().word())
                    + "  " + mark).stripTrailing());
            if (unmet) detail(r, p);
        }
        out.flush();
    }

    /**
     * One line per actor and kind of action with how often it fired, as TLC counts per action; an actor that
     * never fired has a line of its own. A line longer than the width is wrapped.
     */
    private void coverage(SpecReport r) {
        var cov = r.coverage();
        if (cov.actions().isEmpty() && cov.actors().isEmpty()) return;
        out.println("  coverage" + (cov.measured() ? "" : " (partial: not every transition was counted)")
                + ": actor, action, times fired");
        for (var actor : cov.actors()) {
            if (actor.fired() == 0) line(actor.name(), "(never fired)", 0);
            for (var a : cov.actions()) {
                if (a.actor().equals(actor.name())) line(a.actor(), a.action(), a.fired());
            }
        }
    }

    private void line(String actor, String action, long fired) {
        String text = String.format(Locale.ROOT, "    %-28s %-50s %,10d", actor, action, fired);
        if (text.length() <= WIDTH) {
            out.println(text);
            return;
        }
        for (String line : TextWrap.wrap(text.strip(), WIDTH, "    ", "      ")) out.println(line);
    }

    /** "  PROPERTY  EXPECTED  ACTUAL", the property padded (a longer name pushes the rest right). */
    private static String property(String name, String expected, String actual) {
        return String.format("  %-" + PROPERTY_WIDTH + "s %-9s %-9s", name, expected, actual);
    }

    /** Under a NOT MET line: the outcome in a few words and the explain command. */
    private void detail(SpecReport r, PropertyReport p) {
        for (String line : TextWrap.wrap(fewWords(p), WIDTH, "      ", "        ")) out.println(line);
        for (String line : TextWrap.wrap("see: " + explain(r, p), WIDTH, "      ", "        ")) out.println(line);
    }

    private void unmetLine(SpecReport r, PropertyReport p) {
        String text = "NOT MET: " + r.name() + " " + p.name() + ": expected " + p.expected().word() + ", "
                + fewWords(p) + "; see: " + explain(r, p);
        for (String line : TextWrap.wrap(text, WIDTH, "", "    ")) out.println(line);
    }

    /**
     * The outcome in a few words: for a violation its cause up to the first semicolon (the window of
     * exposure and other notes follow it); for a property that holds, that no path violates it.
     */
    static String fewWords(PropertyReport p) {
        if (p.actual() == Actual.HOLDS) return "holds: no explored path violates it";
        String outcome = p.outcome() == null ? "" : p.outcome();
        int semicolon = outcome.indexOf("; ");
        String cause = semicolon > 0 ? outcome.substring(0, semicolon) : outcome;
        return cause.isBlank() ? "violated" : "violated: " + cause;
    }

    /** The command that explains the property, with the file quoted for a shell when it needs it. */
    static String explain(SpecReport r, PropertyReport p) {
        String file = r.file();
        if (!file.matches("[A-Za-z0-9_./+:=@%-]+")) file = "'" + file.replace("'", "'\\''") + "'";
        return "pagestate explain " + file + " --property " + p.name();
    }
}
