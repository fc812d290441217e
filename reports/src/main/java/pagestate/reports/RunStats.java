package pagestate.reports;

import java.util.Objects;

/**
 * Figures of one spec's exploration.
 *
 * @param distinctStates  distinct states stored
 * @param transitions     transitions generated (including ones to already-seen states)
 * @param maxDepth        deepest level reached
 * @param seconds         wall time of the exploration
 * @param statesPerSecond distinct states per second of wall time
 * @param bytesPerState   memory of the visited set divided by distinct states
 * @param reduction       the state-space reduction in force, e.g. "symmetry(cpus)" or "none"
 */
public record RunStats(long distinctStates, long transitions, int maxDepth, double seconds,
                       double statesPerSecond, double bytesPerState, String reduction) {

    public RunStats {
        if (distinctStates < 0 || transitions < 0 || maxDepth < 0) {
            throw new IllegalArgumentException("negative count in run stats");
        }
        requireFinite(seconds, "seconds");
        requireFinite(statesPerSecond, "statesPerSecond");
        requireFinite(bytesPerState, "bytesPerState");
        Objects.requireNonNull(reduction, "reduction (use \"none\")");
    }

    /** Stats with states per second computed from the others (0 when no time was measured). */
    public static RunStats of(long distinctStates, long transitions, int maxDepth, double seconds,
                              double bytesPerState, String reduction) {
        double rate = seconds > 0 ? distinctStates / seconds : 0;
        return new RunStats(distinctStates, transitions, maxDepth, seconds, rate, bytesPerState, reduction);
    }

    private static void requireFinite(double value, String what) {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException(what + " must be a finite number >= 0, was " + value);
        }
    }
}
