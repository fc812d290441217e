package pagestate.checker;

/**
 * The limits of one run (states, wall time, heap) and the first one that stopped it. Thread-safe:
 * the safety search's workers poll {@link #checkTime} every few states (it keeps its own memory
 * account, {@link SearchMemory}); the liveness passes poll {@link #checkTimeAndMemory}.
 */
final class RunLimits {

    private final CheckerConfig config;
    private final long startNanos;
    private final Runtime runtime = Runtime.getRuntime();
    private volatile String stopReason;

    RunLimits(CheckerConfig config) {
        this(config, System.nanoTime());
    }

    private RunLimits(CheckerConfig config, long startNanos) {
        this.config = config;
        this.startNanos = startNanos;
    }

    /** Fresh limits for another pass of the same run: same clock, no stop recorded yet. */
    RunLimits nextPass() {
        return new RunLimits(config, startNanos);
    }

    double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Seconds until the search must stop (the limit less its {@link #reserve}); infinite without a limit. */
    double secondsLeft() {
        if (config.maxSeconds() <= 0) return Double.POSITIVE_INFINITY;
        return config.maxSeconds() - reserve(config.maxSeconds()) - seconds();
    }

    /** Records that the time limit stopped the search (before it passed: a step that could not end in time). */
    void stopForTime() {
        stop("max-seconds " + format(config.maxSeconds()));
    }

    /** Whether a time limit is set. */
    boolean timed() {
        return config.maxSeconds() > 0;
    }

    /** Whether {@code states} distinct states exceed the state limit. */
    boolean overStates(long states) {
        return config.maxStates() > 0 && states > config.maxStates();
    }

    long maxStates() {
        return config.maxStates();
    }

    /**
     * Checks the wall-time limit (the safety search keeps its own account of memory, {@link SearchMemory});
     * on a breach records it and returns true.
     */
    boolean checkTime() {
        if (stopReason != null) return true;
        if (config.maxSeconds() > 0 && seconds() >= config.maxSeconds() - reserve(config.maxSeconds())) {
            stopForTime();
            return true;
        }
        return false;
    }

    /**
     * What is left of a time limit when the search stops: a tenth of it, at most half a second, for the
     * work after a stop (the counterexamples' replay, the verdicts, the report), so that a run ends close
     * to the limit, not past it (the 8-CPU bench stopped at 60 s ended at 61.4 s without it).
     */
    static double reserve(double maxSeconds) {
        return Math.min(0.5, maxSeconds / 10);
    }

    /**
     * Checks the wall-time and heap limits; on a breach records it and returns true. The heap in use
     * counts garbage until a collection (the earlier passes' and specs' arrays, which a JVM that runs
     * several checks keeps for a while), so a heap over the limit is measured again after a collection
     * before it stops the run: the 8-CPU bench, checked repeatedly in one 4 GB JVM, once stopped "for
     * memory" holding a few hundred MB. At most one collection a second; in between, the last live size
     * measured decides.
     */
    boolean checkTimeAndMemory() {
        if (checkTime()) return true;
        double limit = config.maxHeapFraction() * runtime.maxMemory();
        if (used() <= limit || !liveOverLimit(limit)) return false;
        stop("memory");
        return true;
    }

    private long used() {
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private long lastCollection = Long.MIN_VALUE;
    private long liveAfterCollection;

    /** The heap in use after a collection (one a second at most), over {@code limit}? */
    private synchronized boolean liveOverLimit(double limit) {
        long now = System.nanoTime();
        if (lastCollection == Long.MIN_VALUE || now - lastCollection >= 1_000_000_000L) {
            System.gc();
            lastCollection = System.nanoTime();
            liveAfterCollection = used();
        }
        return liveAfterCollection > limit;
    }

    void stopForStates() {
        stop("max-states " + config.maxStates());
    }

    void stopForMemory() {
        stop("memory");
    }

    synchronized void stop(String reason) {
        if (stopReason == null) stopReason = reason;
    }

    boolean stopped() {
        return stopReason != null;
    }

    String stopReason() {
        return stopReason;
    }

    private static String format(double s) {
        return s == Math.rint(s) ? Long.toString((long) s) : Double.toString(s);
    }
}
