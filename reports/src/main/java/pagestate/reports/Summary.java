package pagestate.reports;

/**
 * Counts of expectations over a whole run. A property without an expectation counts nowhere.
 *
 * @param passed     expectations met
 * @param failed     expectations not met: the actual verdict is the opposite one
 * @param incomplete expectations whose actual verdict is UNKNOWN (the run stopped early)
 */
public record Summary(int passed, int failed, int incomplete) {

    public Summary {
        if (passed < 0 || failed < 0 || incomplete < 0) {
            throw new IllegalArgumentException("negative count in summary");
        }
    }

    /** Number of expectations counted. */
    public int expectations() {
        return passed + failed + incomplete;
    }

    /** True when every expectation was met (and there is nothing incomplete). */
    public boolean allMet() {
        return failed == 0 && incomplete == 0;
    }

    Summary plus(PropertyReport property) {
        if (property.expected() == null) {
            return this;
        }
        if (property.actual() == Actual.UNKNOWN) {
            return new Summary(passed, failed, incomplete + 1);
        }
        return Boolean.TRUE.equals(property.met())
                ? new Summary(passed + 1, failed, incomplete)
                : new Summary(passed, failed + 1, incomplete);
    }

    Summary plus(Summary other) {
        return new Summary(passed + other.passed, failed + other.failed, incomplete + other.incomplete);
    }
}
