package pagestate.checker;

/**
 * How many parents the next BFS block takes, and how much room its workers' arenas get: a block's
 * successors are about {@code blockCandidates} candidates, estimated from the fan-out seen so far.
 * Only counts that do not depend on the thread count decide a block's parents, so the blocks (hence
 * indices and traces) are the same at every thread count.
 */
final class BlockSizer {

    private final long blockCandidates;
    private final int workers;
    private final int width;
    private long expandedParents;
    private long expandedTransitions;
    private double lastBlockFanout;

    /** @param blockCandidates about how many candidates a block may hold (0: {@link #defaultBlockCandidates}) */
    BlockSizer(long blockCandidates, int workers, int width) {
        this.blockCandidates = blockCandidates > 0 ? blockCandidates : defaultBlockCandidates(width);
        this.workers = workers;
        this.width = width;
    }

    /**
     * A level's candidates take about {@code 24 + 8 * width} bytes each (arena: fingerprint, claim,
     * words; sort: a fingerprint and an id array): a block may use a sixteenth of the maximum heap,
     * between 256 Ki and 16 Mi candidates.
     */
    static long defaultBlockCandidates(int width) {
        long perCandidate = 24L + 8L * width;
        long budget = Runtime.getRuntime().maxMemory() / 16;
        return Math.max(1L << 18, Math.min(1L << 24, budget / perCandidate));
    }

    /**
     * The number of parents of the next block, at most {@code remaining}: about {@code blockCandidates}
     * divided by the larger of the mean fan-out so far and the last block's, the remaining parents split
     * into blocks of equal size.
     */
    int parents(int remaining) {
        long per = Math.max(1, (long) (blockCandidates / Math.max(1.0, fanout())));
        if (per >= remaining) return remaining;
        long blocks = (remaining + per - 1) / per;
        return (int) ((remaining + blocks - 1) / blocks);
    }

    /** Room a worker's arena takes for a block of {@code parents}: its share of their expected successors. */
    int expected(int parents) {
        return room(parents * fanout());
    }

    /** The most room a worker's arena may take: its share of a full block. */
    int most() {
        return room(blockCandidates);
    }

    private int room(double successors) {
        return (int) Math.min(Math.ceil(successors * (workers == 1 ? 1.0 : 1.25 / workers)) + 16,
                Integer.MAX_VALUE / (2.0 * width));
    }

    /** Records a block of {@code parents} expanded whole, with {@code transitions} successors. */
    void expanded(int parents, long transitions) {
        expandedParents += parents;
        expandedTransitions += transitions;
        lastBlockFanout = (double) transitions / parents;
    }

    /** The expected successors per parent: the larger of the mean so far and the last block's (16 at first). */
    private double fanout() {
        return expandedParents == 0 ? 16 : Math.max((double) expandedTransitions / expandedParents, lastBlockFanout);
    }
}
