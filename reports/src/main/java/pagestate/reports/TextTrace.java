package pagestate.reports;

import java.util.ArrayList;
import java.util.List;

/**
 * A counterexample as plain text of at most {@value #WIDTH} columns, to paste into an email: numbered
 * steps, each with its actor, its action and only the state that changed; the violating step marked
 * with the property and the cause; the start of a lasso's cycle and the window of exposure marked.
 * Used by {@code pagestate explain} and for the {@code .txt} of each counterexample.
 */
public final class TextTrace {

    /** Maximum line length of the output. */
    public static final int WIDTH = 100;

    static final String CYCLE_MARK = "-- cycle: the following steps repeat forever --";
    static final String WINDOW_OPENS = "-- window opens: from here a reader could reach the bad state --";
    static final String WINDOW_CLOSES = "-- window closes --";

    private TextTrace() {
    }

    /** A property's verdict, its outcome line and, when violated, its trace. */
    public static String render(PropertyReport property) {
        List<String> lines = new ArrayList<>();
        lines.addAll(wrap(verdictLine(property), "", "    "));
        if (property.outcome() != null && !property.outcome().isBlank()) {
            lines.addAll(wrap("Outcome: " + property.outcome(), "", "    "));
        }
        if (property.trace() != null) {
            lines.add("");
            lines.addAll(traceLines(property.trace()));
        }
        return String.join("\n", lines) + "\n";
    }

    /** A counterexample on its own. */
    public static String render(TraceView trace) {
        return String.join("\n", traceLines(trace)) + "\n";
    }

    /** A line of free text (a heading) wrapped to {@value #WIDTH} columns, continued with an indent. */
    public static String line(String text) {
        return String.join("\n", wrap(text, "", "    ")) + "\n";
    }

    /** "no_fatal: violated (expected violated: met)" and the like. */
    static String verdictLine(PropertyReport property) {
        String verdict = property.name() + ": " + property.actual().word();
        if (property.expected() == null) {
            return verdict + " (no expectation)";
        }
        String met = property.actual() == Actual.UNKNOWN ? "INCOMPLETE"
                : Boolean.TRUE.equals(property.met()) ? "met" : "NOT MET";
        return verdict + " (expected " + property.expected().word() + ": " + met + ")";
    }

    private static List<String> traceLines(TraceView trace) {
        List<String> lines = new ArrayList<>();
        String kind = trace.isLasso() ? "Lasso counterexample" : "Counterexample";
        int count = trace.length();
        lines.addAll(wrap(kind + " for " + trace.property() + ", " + count + " steps"
                + (count < trace.steps().size() ? " after the initial state (step 0)" : ""), "", "    "));
        if (trace.cause() != null && !trace.cause().isBlank()) {
            lines.addAll(wrap("Cause: " + trace.cause(), "", "    "));
        }
        if (trace.hasWindow()) {
            lines.addAll(wrap("Window: a reader could reach the bad state during steps "
                    + trace.steps().get(trace.windowFrom()).number() + " to "
                    + trace.steps().get(trace.windowTo()).number() + ".", "", "    "));
        }
        lines.add("");
        int numberWidth = String.valueOf(maxNumber(trace)).length();
        String indent = " ".repeat(numberWidth + 3);
        for (int i = 0; i < trace.steps().size(); i++) {
            TraceStep step = trace.steps().get(i);
            if (i == trace.loopStart()) {
                lines.add(CYCLE_MARK);
            }
            if (trace.hasWindow() && i == trace.windowFrom()) {
                lines.add(WINDOW_OPENS);
            }
            String number = String.format("%" + numberWidth + "d", step.number());
            String first = (step.violating() ? ">" : " ") + number + "  ";
            lines.addAll(wrap(step.actor() + ": " + step.action(), first, indent + "  "));
            for (String change : step.changes()) {
                lines.addAll(wrap(change, indent + "  ", indent + "      "));
            }
            for (String note : step.notes()) {
                lines.addAll(wrap(note, indent + "  ", indent + "      "));
            }
            if (step.outcome() != null && !step.outcome().isBlank()) {
                lines.addAll(wrap("outcome: " + step.outcome(), indent + "  ", indent + "      "));
            }
            if (step.violating()) {
                String why = trace.cause() == null || trace.cause().isBlank() ? "" : ": " + trace.cause();
                lines.addAll(wrap("^^ VIOLATES " + trace.property() + why, indent, indent + "      "));
            }
            if (trace.hasWindow() && i == trace.windowTo()) {
                lines.add(WINDOW_CLOSES);
            }
        }
        if (trace.isLasso()) {
            lines.add("-- back to step " + trace.steps().get(trace.loopStart()).number() + " --");
        }
        return lines;
    }

    private static int maxNumber(TraceView trace) {
        int max = 1;
        for (TraceStep step : trace.steps()) {
            max = Math.max(max, Math.abs(step.number()));
        }
        return max;
    }

    private static List<String> wrap(String text, String firstPrefix, String restPrefix) {
        return TextWrap.wrap(text, WIDTH, firstPrefix, restPrefix);
    }
}
