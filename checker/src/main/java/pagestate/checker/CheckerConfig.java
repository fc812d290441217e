package pagestate.checker;

import java.util.Objects;

/**
 * One immutable run configuration, passed down; no statics, no system properties.
 *
 * @param maxStates      stop after this many distinct states (0 = no limit)
 * @param maxSeconds     stop after this much wall time (0 = no limit)
 * @param threads        worker threads (1 or more); verdicts, counts and traces do not depend on it
 * @param exact          store full encoded states instead of 64-bit fingerprints
 * @param checkDeadlock  report dead ends that the system does not declare terminal
 * @param maxHeapFraction stop cleanly when the used heap passes this fraction of the maximum heap
 * @param progress       receives progress snapshots (never null; use {@link ProgressListener#NONE})
 * @param symmetry       store states in the canonical form {@link TransitionSystem#canonical} gives (a no-op
 *                       for systems that declare no symmetry); liveness passes store canonical or merged
 *                       forms ({@link TransitionSystem#merged})
 * @param por            partial-order reduction with the system's {@link Independence} (a no-op for systems
 *                       that declare none); liveness passes never use it
 */
public record CheckerConfig(long maxStates, double maxSeconds, int threads, boolean exact,
                            boolean checkDeadlock, double maxHeapFraction, ProgressListener progress,
                            boolean symmetry, boolean por) {

    public CheckerConfig {
        if (maxStates < 0) throw new IllegalArgumentException("maxStates must be >= 0");
        if (maxSeconds < 0) throw new IllegalArgumentException("maxSeconds must be >= 0");
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1");
        if (!(maxHeapFraction > 0 && maxHeapFraction <= 1)) throw new IllegalArgumentException("maxHeapFraction in (0,1]");
        Objects.requireNonNull(progress, "progress");
    }

    public static CheckerConfig defaults() {
        return new CheckerConfig(0, 0, 1, false, true, 0.9, ProgressListener.NONE, true, true);
    }

    public CheckerConfig withMaxStates(long n) { return new CheckerConfig(n, maxSeconds, threads, exact, checkDeadlock, maxHeapFraction, progress, symmetry, por); }
    public CheckerConfig withMaxSeconds(double s) { return new CheckerConfig(maxStates, s, threads, exact, checkDeadlock, maxHeapFraction, progress, symmetry, por); }
    public CheckerConfig withThreads(int t) { return new CheckerConfig(maxStates, maxSeconds, t, exact, checkDeadlock, maxHeapFraction, progress, symmetry, por); }
    public CheckerConfig withExact(boolean e) { return new CheckerConfig(maxStates, maxSeconds, threads, e, checkDeadlock, maxHeapFraction, progress, symmetry, por); }
    public CheckerConfig withCheckDeadlock(boolean d) { return new CheckerConfig(maxStates, maxSeconds, threads, exact, d, maxHeapFraction, progress, symmetry, por); }
    public CheckerConfig withMaxHeapFraction(double f) { return new CheckerConfig(maxStates, maxSeconds, threads, exact, checkDeadlock, f, progress, symmetry, por); }
    public CheckerConfig withProgress(ProgressListener p) { return new CheckerConfig(maxStates, maxSeconds, threads, exact, checkDeadlock, maxHeapFraction, p, symmetry, por); }
    public CheckerConfig withSymmetry(boolean on) { return new CheckerConfig(maxStates, maxSeconds, threads, exact, checkDeadlock, maxHeapFraction, progress, on, por); }
    public CheckerConfig withPor(boolean on) { return new CheckerConfig(maxStates, maxSeconds, threads, exact, checkDeadlock, maxHeapFraction, progress, symmetry, on); }
}
