package pagestate.checker;

/** Receives progress snapshots from a running exploration (called from an engine thread, about once a second). */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = p -> { };

    void onProgress(Progress progress);

    /** A snapshot: distinct states so far, states per second, current BFS depth, states waiting in the queue. */
    record Progress(long states, double statesPerSecond, int depth, long queued, double seconds) { }
}
