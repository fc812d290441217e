package pagestate.reports;

import java.util.Locale;

/** The verdict a spec file expects of a property ({@code expect NAME holds|violated}). */
public enum Expected {
    HOLDS,
    VIOLATED;

    /** Whether an actual verdict meets this expectation; UNKNOWN never does. */
    public boolean metBy(Actual actual) {
        return switch (this) {
            case HOLDS -> actual == Actual.HOLDS;
            case VIOLATED -> actual == Actual.VIOLATED;
        };
    }

    /** "holds" or "violated", as written in spec files and machine output. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
