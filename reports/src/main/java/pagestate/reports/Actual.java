package pagestate.reports;

import java.util.Locale;

/** What the exploration established about a property. */
public enum Actual {
    /** No reachable state or path violates it, and the exploration was complete. */
    HOLDS,
    /** A counterexample was found. */
    VIOLATED,
    /** A limit stopped the exploration before a verdict: neither a pass nor a failure. */
    UNKNOWN;

    /** "holds", "violated" or "unknown", as in machine output. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
