package pagestate.checker;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Passes the search's progress to its {@link ProgressListener} about once a second: any worker may
 * offer a snapshot, and the one that finds a report due (and wins the race for it) makes it.
 */
final class ProgressTicker {

    private static final long PERIOD_NANOS = 1_000_000_000L;

    private final ProgressListener listener;
    private final RunLimits limits;
    private final AtomicLong due = new AtomicLong();

    ProgressTicker(ProgressListener listener, RunLimits limits) {
        this.listener = listener;
        this.limits = limits;
    }

    /** The first report is due a second from now. */
    void start() {
        due.set(System.nanoTime() + PERIOD_NANOS);
    }

    /** Reports {@code states} stored, at BFS depth {@code level}, {@code queued} waiting, if a report is due. */
    void offer(long states, int level, long queued) {
        long now = System.nanoTime();
        long at = due.get();
        if (now < at || !due.compareAndSet(at, now + PERIOD_NANOS)) return;
        double s = limits.seconds();
        listener.onProgress(new ProgressListener.Progress(states, s > 0 ? states / s : 0, level, queued, s));
    }
}
