package pagestate.cli;

import pagestate.checker.CheckerConfig;
import picocli.CommandLine.Option;

/** The exploration options shared by the sub-commands that explore. */
final class Limits {

    @Option(names = "--max-states", paramLabel = "N", description = "Stop after N distinct states per spec (default: no limit).")
    long maxStates;

    @Option(names = "--max-seconds", paramLabel = "S", description = "Stop a spec's exploration after S seconds (default: no limit).")
    double maxSeconds;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: ${DEFAULT-VALUE}); verdicts and traces do not depend on it.")
    int threads = 1;

    @Option(names = "--exact", description = "Store full states instead of 64-bit fingerprints (no collision risk, more memory).")
    boolean exact;

    CheckerConfig config() {
        if (maxStates < 0) throw new IllegalArgumentException("--max-states must be >= 0");
        if (maxSeconds < 0) throw new IllegalArgumentException("--max-seconds must be >= 0");
        if (threads < 1) throw new IllegalArgumentException("--threads must be >= 1");
        return CheckerConfig.defaults().withMaxStates(maxStates).withMaxSeconds(maxSeconds).withThreads(threads)
                .withExact(exact);
    }
}
