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
    private int count;

    /** Polls {@code limits} from now on (null: never). */
    void watch(RunLimits limits) {
        this.limits = limits;
    }

    void tick() {
        if (limits != null && (++count & EVERY - 1) == 0 && limits.checkTime()) throw new TimeUp();
    }
}
