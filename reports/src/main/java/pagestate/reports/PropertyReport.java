package pagestate.reports;

import java.util.Objects;

/**
 * The result for one property of one spec.
 *
 * @param name     the property's name, e.g. "no_fatal"
 * @param expected the verdict the spec expects, or null when the property is checked but not gated
 * @param actual   what the exploration established
 * @param met      whether the expectation was met; null when there is no expectation. Must agree with
 *                 {@code expected} and {@code actual} (use {@link #of} to have it computed)
 * @param trace    the counterexample (of this property); null unless {@code actual} is VIOLATED
 * @param outcome  one line: the cause of a violation or a note on the verdict (e.g. "holds only because
 *                 every path ends in a fatal event first"); may be null
 * @param states   the counterexample for machines (every state whole), or null; only with a trace
 */
public record PropertyReport(String name, Expected expected, Actual actual, Boolean met, TraceView trace,
                             String outcome, StateTrace states) {

    /** A report without the machine form of its trace. */
    public PropertyReport(String name, Expected expected, Actual actual, Boolean met, TraceView trace,
                          String outcome) {
        this(name, expected, actual, met, trace, outcome, null);
    }

    public PropertyReport {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(actual, "actual");
        Boolean consistent = expected == null ? null : expected.metBy(actual);
        if (!Objects.equals(met, consistent)) {
            throw new IllegalArgumentException("property " + name + ": met=" + met + " contradicts expected "
                    + expected + " and actual " + actual);
        }
        if (trace != null && actual != Actual.VIOLATED) {
            throw new IllegalArgumentException("property " + name + ": a trace only comes with VIOLATED");
        }
        if (states != null && trace == null) {
            throw new IllegalArgumentException("property " + name + ": states only come with a trace");
        }
        if (trace != null && !trace.property().equals(name)) {
            throw new IllegalArgumentException("property " + name + " carries a trace of " + trace.property());
        }
    }

    /** A report with {@code met} computed from the expectation and the verdict. */
    public static PropertyReport of(String name, Expected expected, Actual actual, TraceView trace,
                                    String outcome) {
        return new PropertyReport(name, expected, actual, expected == null ? null : expected.metBy(actual),
                trace, outcome);
    }

    /** This report with the machine form of its trace. */
    public PropertyReport withStates(StateTrace states) {
        return new PropertyReport(name, expected, actual, met, trace, outcome, states);
    }

    /** Whether the spec states an expectation for this property (it is then a test case). */
    public boolean gated() {
        return expected != null;
    }
}
