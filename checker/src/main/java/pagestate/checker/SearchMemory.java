package pagestate.checker;

/**
 * The search's own memory account: the bytes it holds (visited set, trace data, both frontiers'
 * resident pages, the candidate and sort buffers), its peak, which the figures report per state, and
 * the two decisions it drives. The frontier spills to file when the search holds more than
 * {@link #spillAt} bytes, or when a block's allocations would not fit otherwise; the run stops for
 * memory, cleanly and before allocating, when they would not fit even then. The limit is
 * {@link #SLACK} of {@link CheckerConfig#maxHeapFraction} of the maximum heap.
 *
 * <p>The account is of arrays the search allocated, not of the heap in use, which includes garbage
 * not yet collected: a heap check would stop (or spill) at a point that depends on the collector.
 */
final class SearchMemory {

    /**
     * The share of the allowed heap the search's own arrays may take: the rest is the collector's slack
     * (garbage not yet collected, and the gaps between large arrays, which G1 does not move: a grown
     * table needs contiguous free space beside the old one).
     */
    static final double SLACK = 0.8;

    private final long limit;
    private final long spillAt;
    private long peak;

    /**
     * @param maxHeapFraction the fraction of the maximum heap the search may hold
     * @param spillBytes      spill the frontier when the search holds more (0: half the limit)
     */
    SearchMemory(double maxHeapFraction, long spillBytes) {
        this(maxHeapFraction, spillBytes, Runtime.getRuntime().maxMemory());
    }

    SearchMemory(double maxHeapFraction, long spillBytes, long maxHeap) {
        this.limit = (long) (SLACK * maxHeapFraction * maxHeap);
        this.spillAt = spillBytes > 0 ? spillBytes : limit / 2;
    }

    /** Records what the search holds now; returns whether the frontier should spill. */
    boolean note(long held) {
        peak = Math.max(peak, held);
        return held > spillAt;
    }

    /** Whether allocating {@code more} bytes beside the {@code held} ones stays within the limit. */
    boolean fits(long held, long more) {
        return held + more <= limit;
    }

    /** The most bytes the search held at once so far. */
    long peak() {
        return peak;
    }
}
