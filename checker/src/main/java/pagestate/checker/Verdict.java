package pagestate.checker;

/** What the exploration established about one property. */
public enum Verdict {
    /** No reachable state (or path) violates it, and the exploration was complete. */
    HOLDS,
    /** A counterexample was found (and replayed). */
    VIOLATED,
    /** A limit stopped the exploration before a violation was found. */
    UNKNOWN
}
