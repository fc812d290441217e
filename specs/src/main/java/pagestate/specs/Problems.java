package pagestate.specs;

import java.util.ArrayList;
import java.util.List;

/**
 * The errors found so far in one load; parsing keeps going after each. It also carries the load's
 * deadline (of {@code check --max-seconds}), which the long loops poll ({@link #poll()}).
 */
final class Problems {
    private final List<SpecError> errors = new ArrayList<>();
    /** When the load must stop ({@link System#nanoTime()}), if {@link #timed}. */
    private final long deadlineNanos;
    private final boolean timed;

    Problems() {
        this(0, false);
    }

    private Problems(long deadlineNanos, boolean timed) {
        this.deadlineNanos = deadlineNanos;
        this.timed = timed;
    }

    /** Problems of a load that stops at {@code deadlineNanos} ({@link System#nanoTime()}). */
    static Problems until(long deadlineNanos) {
        return new Problems(deadlineNanos, true);
    }

    /** Throws {@link Stopped} once the deadline has passed: called once per line and per actor. */
    void poll() {
        if (timed && System.nanoTime() - deadlineNanos >= 0) throw new Stopped();
    }

    /** The load's deadline passed; caught by {@link SpecLoader}, never seen by a user. */
    static final class Stopped extends RuntimeException {
        Stopped() {
            super("the time limit passed while reading the spec", null, false, false);
        }
    }

    void at(Pos pos, String message) {
        errors.add(pos.error(message));
    }

    void add(SpecError error) {
        errors.add(error);
    }

    int count() {
        return errors.size();
    }

    /** The errors grouped by file (in the order the files were first blamed), each file's by line and column. */
    List<SpecError> list() {
        List<java.nio.file.Path> files = new ArrayList<>();
        for (SpecError e : errors) if (!files.contains(e.file())) files.add(e.file());
        List<SpecError> sorted = new ArrayList<>(errors);
        sorted.sort(java.util.Comparator.comparingInt((SpecError e) -> files.indexOf(e.file()))
                .thenComparingInt(SpecError::line).thenComparingInt(SpecError::column));
        return List.copyOf(sorted);
    }
}
