package pagestate.checker;

/**
 * The time limit inside one state's expansion: a state of tens of thousands of successors (a spec with
 * 30,000 readers) takes seconds, too long to wait for between parents ({@link BlockExpansion#POLL}).
 * {@link #tick()} is called once per successor and polls the clock every {@value #EVERY} of them; past
 * the limit it throws {@link TimeUp}, which {@link BlockExpansion} catches: the state's block is then
 * dropped like any block a limit cut short.
 */
final class SuccessorPoll {
    /** Successors between two polls of the clock (a power of two). */
    static final int EVERY = 256;

    /** The time limit passed while a state was expanded (no stack trace: it is caught, never shown). */
    static final class TimeUp extends RuntimeException {
        TimeUp() {
            super("time limit", null, false, false);
        }
    }

    private RunLimits limits;
    /** The successors so far, at {@code counter[PAD]}: written for every successor, 64 bytes from any other object. */
    private final int[] counter = new int[2 * PAD + 1];
    private static final int PAD = LevelChunk.Arena.PAD;

    /** Polls {@code limits} from now on (null: never). */
    void watch(RunLimits limits) {
        this.limits = limits;
    }

    /**
     * Before allocating {@code bytes} of fresh memory in one piece (growing a large buffer), which cannot be
     * interrupted: stops now when the time is up, or when the allocation could not end before the limit at
     * {@link #FRESH_BYTES_PER_SECOND}.
     */
    void beforeAllocating(long bytes) {
        if (limits == null) return;
        if (limits.checkTime() || limits.secondsLeft() < (double) bytes / FRESH_BYTES_PER_SECOND) {
            limits.stopForTime();
            throw new TimeUp();
        }
    }

    /**
     * How fast fresh memory is touched on a slow machine: about 200 MB/s on this project's 2-core virtual
     * machine (3.7 GB of new arrays in 19 s), where a 30,000-reader spec's 675 MB successor buffer took
     * seconds to grow.
     */
    static final double FRESH_BYTES_PER_SECOND = 200e6;

    void tick() {
        if (limits != null && (++counter[PAD] & EVERY - 1) == 0 && limits.checkTime()) throw new TimeUp();
    }
}
