package pagestate.checker;

import java.util.Arrays;

/**
 * An ordered linear-probing set of fingerprints in a {@code long[]} (0 = empty). The home slot of a
 * fingerprint is {@code fastrange(fp, capacity)}, which is monotone in the (unsigned) fingerprint,
 * and the table keeps its fingerprints in increasing order along the array (ordered hashing,
 * Amble and Knuth 1974); there is no wrap-around, an overflow tail follows the home slots. So:
 * <ul>
 *   <li>a lookup stops at the first larger fingerprint, present or not (a few slots, in one or two
 *       cache lines);</li>
 *   <li>the layout depends only on the set: each fingerprint sits at {@code max(home, previous + 1)};</li>
 *   <li>a sorted batch of new fingerprints is added by one sequential merge ({@link #addSorted}),
 *       workers owning disjoint fingerprint ranges, which are disjoint table ranges;</li>
 *   <li>growing is a sequential copy.</li>
 * </ul>
 * Load stays at most {@value #MAX_LOAD}; a merge that must grow sizes the table for load
 * {@value #MERGE_LOAD}, so after the first merge the load is between the two: 8.9 to 10 bytes per
 * state (plus the tail, 1/256 of the capacity).
 */
final class FingerprintTable implements StateTable {

    static final double MAX_LOAD = 0.9;
    static final double MERGE_LOAD = 0.8;

    private long[] slots;
    /** Number of home slots; {@code slots.length - capacity} is the overflow tail. */
    private int capacity;
    private long size;
    /**
     * Set by {@link #prepare}: the batch size it decided for ({@code -1}: none), and the new, larger
     * array (with its home slots) the batch will be merged into, or null to add it in place.
     */
    private long preparedCount = -1;
    private long[] grown;
    private int grownCapacity;

    FingerprintTable(int initialCapacity) {
        allocate(Math.max(16, initialCapacity));
    }

    private void allocate(long cap) {
        slots = newSlots(cap);
        capacity = (int) cap;
    }

    private static long[] newSlots(long cap) {
        long length = cap + tail(cap);
        if (length > Integer.MAX_VALUE - 8) throw new OutOfMemoryError("fingerprint table over 2^31 slots");
        return new long[(int) length];
    }

    private static long tail(long cap) {
        return Math.max(256, cap >>> 8);
    }

    private static boolean less(long a, long b) {
        return a + Long.MIN_VALUE < b + Long.MIN_VALUE;
    }

    @Override
    public boolean contains(long fp, long[] words, int offset) {
        long[] t = slots;
        int i = Fingerprints.range(fp, capacity);
        while (true) {
            long v = t[i];
            if (v == fp) return true;
            if (v == 0 || less(fp, v)) return false;
            i++;   // the last slot is always empty
        }
    }

    /**
     * For lookups in increasing fingerprint order: the first slot at or after both {@code from} and
     * the home slot of {@code fp} that is empty or holds a fingerprint not below {@code fp}; {@code fp}
     * is present exactly when that slot holds it. The answer is a valid {@code from} for any larger
     * fingerprint (start with 0).
     */
    int seek(long fp, int from) {
        long[] t = slots;
        int i = Math.max(from, Fingerprints.range(fp, capacity));
        long v;
        while ((v = t[i]) != 0 && less(v, fp)) i++;
        return i;
    }

    /** The fingerprint in slot {@code i} (0 for empty). */
    long slot(int i) {
        return slots[i];
    }

    /** Single-threaded insertion (it may shift a run of larger fingerprints one slot on). */
    @Override
    public boolean insert(long fp, long[] words, int offset) {
        while (true) {
            int r = insertBefore(slots, capacity, fp, slots.length - 1);
            if (r > 0) {
                size++;
                return true;
            }
            if (r == 0) return false;
            grow(Math.max((long) (capacity * 1.2), capacity + 16L));
        }
    }

    /**
     * Inserts {@code fp} into {@code t} touching only slots below {@code limit}: 1 when inserted,
     * 0 when present, -1 when it would need a slot at or above the limit (nothing written).
     */
    private static int insertBefore(long[] t, int cap, long fp, int limit) {
        int i = Fingerprints.range(fp, cap);
        long v;
        while (i < limit && (v = t[i]) != 0 && less(v, fp)) i++;
        if (i >= limit) return -1;
        if (t[i] == fp) return 0;
        int j = i;
        while (j < limit && t[j] != 0) j++;
        if (j >= limit) return -1;
        System.arraycopy(t, i, t, i + 1, j - i);
        t[i] = fp;
        return 1;
    }

    @Override
    public boolean fits(long totalStates) {
        return totalStates <= (long) (capacity * MAX_LOAD);
    }

    @Override
    public void reserve(long totalStates) {
        if (fits(totalStates)) return;
        grow(Math.max((long) (capacity * 1.2), (long) Math.ceil(totalStates / MERGE_LOAD) + 1));
    }

    private void grow(long cap) {
        dropPrepared();   // prepared for the table as it was
        long[] old = slots;
        allocate(cap);
        long[] t = slots;
        int last = -1;
        for (long fp : old) {
            if (fp == 0) continue;
            last = Math.max(Fingerprints.range(fp, capacity), last + 1);
            t[last] = fp;   // ascending, so the layout stays ordered
        }
        if (last >= t.length - 1) throw new IllegalStateException("fingerprint table tail overflow");
    }

    /**
     * Decides how {@link #addSorted} will add a batch of {@code count} fingerprints, and when by a merge,
     * allocates the new array (zeroing it is the merge's only sequential part, so the engine lets one
     * worker do it beside other work). The batch is inserted in place while it fits and is at most a
     * quarter of the capacity: a sorted insertion walks the table once and shifts only short runs, and a
     * merge would allocate (and first-touch) a whole table even when it need not grow. Otherwise the
     * merge grows the table, with room for {@code room} more states as well (expected soon, so that
     * they need no merge of their own). Not concurrent with any other method.
     */
    void prepare(long count, long room) {
        long total = size + count;
        grown = null;
        if (count > 0 && !(fits(total) && count <= capacity / 4)) {
            long cap = Math.max(capacity, (long) Math.ceil((total + room) / MERGE_LOAD) + 1);
            grown = newSlots(cap);
            grownCapacity = (int) cap;
        }
        preparedCount = count;
    }

    @Override
    public long growthBytes(long occupied, long fresh, long room) {
        long total = size + fresh;
        if (fresh == 0 || (fits(total) && fresh <= capacity / 4)) return 0;
        long cap = Math.max(capacity, (long) Math.ceil((total + room) / MERGE_LOAD) + 1);
        return 8L * (cap + tail(cap));
    }

    /** Forgets what {@link #prepare} decided, and the array it allocated. */
    private void dropPrepared() {
        preparedCount = -1;
        grown = null;
    }

    /**
     * Adds sorted, distinct, absent fingerprints given as runs: run {@code r} is
     * {@code fresh[from[r] .. to[r])}, the runs in increasing fingerprint order. Worker {@code w} adds
     * runs {@code [first[w], first[w+1])}, which all lie in {@code [lo[w], lo[w+1])} (unsigned; the
     * last range is unbounded above, and {@code lo[0]} is 0). In place, or by a merge into a larger
     * array, as {@link #prepare} decided for this batch (it is called here if it was not; prepared for
     * another count, this throws); {@code room} is {@link #prepare}'s. The few fingerprints that would
     * cross into the next worker's part of the table are added afterwards, alone.
     */
    void addSorted(Workers workers, long[] fresh, int[] from, int[] to, int[] first, long[] lo, long room) {
        int n = workers.count();
        long count = 0;
        for (int r = first[0]; r < first[n]; r++) count += to[r] - from[r];
        if (preparedCount >= 0 && preparedCount != count) {
            // the caller's counts and the batch disagree: its winners are not the ones it counted
            long prepared = preparedCount;
            dropPrepared();
            throw new IllegalStateException("table prepared for " + prepared + " fingerprints, given " + count);
        }
        if (preparedCount < 0) prepare(count, room);
        preparedCount = -1;
        if (count == 0) return;
        long total = size + count;
        long[][] spill = new long[n][];
        int[] spilled = new int[n];
        if (grown == null) {
            long[] t = slots;
            int cap = capacity;
            workers.run(w -> {
                int limit = w + 1 < n ? Fingerprints.range(lo[w + 1], cap) : t.length - 1;
                long[] s = new long[16];
                int k = 0;
                for (int r = first[w]; r < first[w + 1]; r++) {
                    for (int i = from[r]; i < to[r]; i++) {
                        if (insertBefore(t, cap, fresh[i], limit) < 0) {
                            if (k == s.length) s = Arrays.copyOf(s, k * 2);
                            s[k++] = fresh[i];
                        }
                    }
                }
                spill[w] = s;
                spilled[w] = k;
            });
        } else {
            long[] old = slots;
            int oldCap = capacity;
            slots = grown;
            capacity = grownCapacity;
            grown = null;
            long[] t = slots;
            int cap = capacity;
            workers.run(w -> {
                int limit = w + 1 < n ? Fingerprints.range(lo[w + 1], cap) : t.length - 1;
                long hi = w + 1 < n ? lo[w + 1] : 0;
                // old fingerprints of this range start at or after their home slot
                int i = Fingerprints.range(lo[w], oldCap);
                while (old[i] != 0 && less(old[i], lo[w])) i++;
                int r = first[w] - 1;   // the run being merged: none yet
                int runs = first[w + 1];
                int a = 0;
                int end = 0;
                int last = -1;
                long[] s = new long[16];
                int k = 0;
                while (true) {
                    while (a == end && r + 1 < runs) {
                        r++;
                        a = from[r];
                        end = to[r];
                    }
                    while (i < old.length && old[i] == 0) i++;
                    long o = i < old.length && (hi == 0 || less(old[i], hi)) ? old[i] : 0;
                    long fp;
                    if (o == 0 && a == end) break;
                    if (o != 0 && (a == end || less(o, fresh[a]))) {
                        fp = o;
                        i++;
                    } else {
                        fp = fresh[a++];
                    }
                    int p = Math.max(Fingerprints.range(fp, cap), last + 1);
                    if (p >= limit) {
                        if (k == s.length) s = Arrays.copyOf(s, k * 2);
                        s[k++] = fp;
                    } else {
                        t[p] = fp;
                        last = p;
                    }
                }
                spill[w] = s;
                spilled[w] = k;
            });
        }
        size = total;
        for (int w = 0; w < n; w++) {
            for (int k = 0; k < spilled[w]; k++) {
                size--;
                insert(spill[w][k], null, 0);
            }
        }
    }

    /**
     * Checks the layout (for tests): ascending fingerprints, each at or after its home slot with no
     * empty slot in between, the last slot empty, and {@code size} of them.
     */
    boolean wellFormed() {
        long[] t = slots;
        long seen = 0;
        long previous = 0;
        int lastEmpty = -1;
        for (int i = 0; i < t.length; i++) {
            long fp = t[i];
            if (fp == 0) {
                lastEmpty = i;
                continue;
            }
            int home = Fingerprints.range(fp, capacity);
            if (home > i || lastEmpty >= home) return false;
            if (seen > 0 && !less(previous, fp)) return false;
            previous = fp;
            seen++;
        }
        return t[t.length - 1] == 0 && seen == size;
    }

    @Override
    public long allocatedBytes() {
        return 8L * slots.length + (grown != null ? 8L * grown.length : 0);
    }

    @Override
    public String mode() {
        return "fingerprint";
    }
}
