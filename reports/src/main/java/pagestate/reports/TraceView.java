package pagestate.reports;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * A counterexample ready to show: lanes (columns), numbered steps, where a liveness cycle starts and
 * the window during which a reader could have reached the bad state. Build one with {@link #builder}.
 *
 * @param lanes      the columns in display order, e.g. "CPU0", "CPU1", "platform", "hardware", "host"
 * @param steps      the steps in order
 * @param loopStart  -1, or the index into {@code steps} where a lasso's cycle starts (the steps from
 *                   there to the end repeat forever)
 * @param property   the violated property's name
 * @param cause      one line: why it is violated, e.g. "CPU1 zeropad reads page 1 through a stale TLB
 *                   entry (private) while the page is shared: TD exit"
 * @param windowFrom -1, or the first index into {@code steps} of the window during which a reader
 *                   could reach the bad state
 * @param windowTo   -1, or the last index (inclusive) of that window
 */
public record TraceView(List<String> lanes, List<TraceStep> steps, int loopStart, String property,
                        String cause, int windowFrom, int windowTo) {

    public TraceView {
        lanes = List.copyOf(lanes);
        steps = List.copyOf(steps);
        Objects.requireNonNull(property, "property");
        if (new LinkedHashSet<>(lanes).size() != lanes.size()) {
            throw new IllegalArgumentException("duplicate lane in " + lanes);
        }
        for (TraceStep step : steps) {
            if (!lanes.contains(step.lane())) {
                throw new IllegalArgumentException("step " + step.number() + " is in lane '" + step.lane()
                        + "', which is not one of " + lanes);
            }
        }
        if (loopStart < -1 || loopStart >= Math.max(steps.size(), 1)) {
            throw new IllegalArgumentException("loopStart " + loopStart + " outside the " + steps.size() + " steps");
        }
        boolean noWindow = windowFrom == -1 && windowTo == -1;
        if (!noWindow && (windowFrom < 0 || windowTo < windowFrom || windowTo >= steps.size())) {
            throw new IllegalArgumentException("window " + windowFrom + ".." + windowTo + " outside the "
                    + steps.size() + " steps (use -1, -1 for none)");
        }
    }

    /** Whether the trace is a lasso (a liveness counterexample). */
    public boolean isLasso() {
        return loopStart >= 0;
    }

    /** Whether there is a window of exposure. */
    public boolean hasWindow() {
        return windowFrom >= 0;
    }

    /** Whether the step at {@code index} lies in the window of exposure. */
    public boolean inWindow(int index) {
        return hasWindow() && index >= windowFrom && index <= windowTo;
    }

    /** The number of steps after the initial state (step 0, when shown, is not counted). */
    public int length() {
        return (int) steps.stream().filter(step -> !step.initial()).count();
    }

    /** Index of the first violating step, or -1. */
    public int violatingIndex() {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).violating()) {
                return i;
            }
        }
        return -1;
    }

    /** A builder that numbers steps from 1 and collects lanes in order of first use. */
    public static Builder builder(String property, String cause) {
        return new Builder(property, cause);
    }

    /** Mutable, single-use helper for the CLI; the view it builds is immutable. */
    public static final class Builder {
        private final String property;
        private final String cause;
        private final List<String> lanes = new ArrayList<>();
        private final List<TraceStep> steps = new ArrayList<>();
        private int loopStart = -1;
        private int windowFrom = -1;
        private int windowTo = -1;

        private Builder(String property, String cause) {
            this.property = property;
            this.cause = cause;
        }

        /** Declares lanes up front, fixing their order (lanes used later are appended). */
        public Builder lanes(String... names) {
            for (String name : names) {
                if (!lanes.contains(name)) {
                    lanes.add(name);
                }
            }
            return this;
        }

        /** Adds an ordinary step. */
        public Builder step(String lane, String actor, String action, List<String> changes) {
            return add(lane, actor, action, changes, false, null);
        }

        /** Adds a step with an outcome that is not a violation (e.g. a recovered #PF). */
        public Builder step(String lane, String actor, String action, List<String> changes, String outcome) {
            return add(lane, actor, action, changes, false, outcome);
        }

        /** Adds the step that reaches the bad state. */
        public Builder violating(String lane, String actor, String action, List<String> changes, String outcome) {
            return add(lane, actor, action, changes, true, outcome);
        }

        /** Marks the next step added as the first step of the repeating cycle. */
        public Builder cycleStartsHere() {
            loopStart = steps.size();
            return this;
        }

        /** Marks the window of exposure by step index (0-based, inclusive). */
        public Builder window(int fromIndex, int toIndex) {
            windowFrom = fromIndex;
            windowTo = toIndex;
            return this;
        }

        public TraceView build() {
            return new TraceView(lanes, steps, loopStart, property, cause, windowFrom, windowTo);
        }

        private Builder add(String lane, String actor, String action, List<String> changes, boolean bad,
                            String outcome) {
            lanes(lane);
            steps.add(new TraceStep(steps.size() + 1, lane, actor, action, changes, bad, outcome));
            return this;
        }
    }
}
