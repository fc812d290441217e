package pagestate.checker;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Which candidates of a BFS block won (are the first discovery of a new state, see
 * {@link SortedInsertion}): a bitset over candidate ids. With several workers, each marks its winners
 * in its own bitset (plain writes, no atomic operation per winner); they are OR-ed into the set and
 * cleared by {@link #combine}.
 */
final class WinnerSet {

    private final Workers workers;
    /** Bit {@code id} set: candidate {@code id} is a winner. */
    private long[] bits = new long[0];
    private final long[][] marked;
    private int words;

    WinnerSet(Workers workers) {
        this.workers = workers;
        this.marked = new long[workers.count() > 1 ? workers.count() : 0][0];
    }

    /** Empties the set for {@code total} candidates (ids {@code 0 .. total-1}). */
    void reset(int total) {
        words = (total + 63) / 64;
        if (bits.length < words) {
            int len = Math.max(words, bits.length * 3 / 2);
            bits = new long[len];
            for (int w = 0; w < marked.length; w++) marked[w] = new long[len];   // all zero, as the old ones
        }
        if (marked.length == 0) Arrays.fill(bits, 0, words, 0L);   // with several workers, by combine
    }

    /** The bitset worker {@code w} marks its winners in (set bit {@code id} for candidate {@code id}). */
    long[] marks(int worker) {
        return marked.length > 0 ? marked[worker] : bits;
    }

    /**
     * Takes the workers' marks into the set (and clears them), in pieces the workers take in turn (so
     * that a worker the machine's load holds back takes fewer); with one worker there is nothing to do.
     */
    void combine() {
        int n = workers.count();
        if (n == 1) return;
        int pieces = 16 * n;
        AtomicInteger next = new AtomicInteger();
        workers.run(w -> {
            long[] out = bits;
            for (int p; (p = next.getAndIncrement()) < pieces; ) {
                for (int i = (int) ((long) words * p / pieces), end = (int) ((long) words * (p + 1) / pieces); i < end; i++) {
                    long b = 0;
                    for (long[] m : marked) {
                        b |= m[i];
                        m[i] = 0;
                    }
                    out[i] = b;
                }
            }
        });
    }

    /** The number of winners with ids in {@code [from, end)}. */
    int count(int from, int end) {
        if (from >= end) return 0;
        int first = from >>> 6;
        int last = (end - 1) >>> 6;
        if (first == last) return Long.bitCount(bits[first] & (-1L << from) & (-1L >>> -end));
        int n = Long.bitCount(bits[first] & (-1L << from)) + Long.bitCount(bits[last] & (-1L >>> -end));
        for (int w = first + 1; w < last; w++) n += Long.bitCount(bits[w]);
        return n;
    }

    /** The first winner with an id in {@code [from, end)}, or {@code end} if none. */
    int next(int from, int end) {
        if (from >= end) return end;
        int w = from >>> 6;
        long word = bits[w] & (-1L << from);
        while (word == 0) {
            w++;
            if ((long) w << 6 >= end) return end;
            word = bits[w];
        }
        return Math.min(end, (w << 6) + Long.numberOfTrailingZeros(word));
    }

    long allocatedBytes() {
        return 8L * bits.length * (1 + marked.length);
    }
}
