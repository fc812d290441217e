package pagestate.cli;

import pagestate.checker.CheckerConfig;
import picocli.CommandLine.Option;

/** The exploration options shared by the sub-commands that explore. */
final class Limits {
    /** The most worker threads (each has its own buffers; far more than processors only costs memory). */
    static final int MAX_THREADS = 256;

    @Option(names = "--max-states", paramLabel = "N", description = "Stop after N distinct states per spec (default: no limit).")
    long maxStates;

    @Option(names = "--max-seconds", paramLabel = "S", description = "Stop each spec after S seconds (check counts reading it and building"
            + " its model too, from the process's start for the first spec; the search stops a tenth of S,"
            + " at most 0.5 s, early, to write what it found; default: no limit).")
    double maxSeconds;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: one per processor, ${DEFAULT-VALUE} here);"
            + " verdicts, state counts and traces do not depend on it.")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--exact", description = "Store full states instead of 64-bit fingerprints (no collision risk, more memory).")
    boolean exact;

    @Option(names = "--no-symmetry", description = "Store every state as it is, not its canonical form (which merges"
            + " interchangeable CPUs, those running no converter and the same zeropad reader or none, and"
            + " interchangeable pages, those of one converter that no reader or host names, merges clean"
            + " cache lines, fills every TLB entry the hardware may fill, and forgets the value of an entry"
            + " that only properties already violated, or not checked, would read).")
    boolean noSymmetry;

    @Option(names = "--no-por", description = "Expand every enabled action: no partial-order reduction (persistent sets"
            + " of independent, invisible actions).")
    boolean noPor;

    @Option(names = "--no-reduction", description = "Both --no-symmetry and --no-por: explore the whole state graph.")
    boolean noReduction;

    boolean symmetry() {
        return !noSymmetry && !noReduction;
    }

    boolean por() {
        return !noPor && !noReduction;
    }

    /**
     * What ran, for the JSON {@code reduction} field: "symmetry+por", "symmetry", "por" or "none" (the
     * latter also when the model declares no reductions).
     */
    String reduction(boolean declared) {
        if (!declared) return "none";
        if (symmetry() && por()) return "symmetry+por";
        if (symmetry()) return "symmetry";
        return por() ? "por" : "none";
    }

    /** The run configuration, or null after printing the problem as {@code pagestate COMMAND: message}. */
    CheckerConfig configOrReport(String command, java.io.PrintWriter err) {
        try {
            return config();
        } catch (IllegalArgumentException e) {
            err.println("pagestate " + command + ": " + e.getMessage());
            return null;
        }
    }

    CheckerConfig config() {
        if (maxStates < 0) throw new IllegalArgumentException("--max-states must be >= 0");
        if (!(maxSeconds >= 0) || Double.isInfinite(maxSeconds)) {
            throw new IllegalArgumentException("--max-seconds must be a number >= 0 (0: no limit), not " + maxSeconds);
        }
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("--threads must be between 1 and " + MAX_THREADS + ", not " + threads);
        }
        return CheckerConfig.defaults().withMaxStates(maxStates).withMaxSeconds(maxSeconds).withThreads(threads)
                .withExact(exact).withSymmetry(symmetry()).withPor(por());
    }

    /** {@code 10} for 10.0, else as given: a limit as the user wrote it. */
    static String format(double s) {
        return s == Math.rint(s) ? Long.toString((long) s) : Double.toString(s);
    }
}
