package pagestate.checker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One worker's records for {@link EdgeRecording}, appended as it expands: per state, in longs, its
 * fingerprint, goal-false bits and successor count, then (goal-false states only) the successors'
 * fingerprints; in ints, per successor, its label (action index and actor). Both grow in chunks of
 * {@value #CHUNK} entries, each taken from the recording's byte budget: no copying, and large enough
 * (2 MiB of longs) that the collector allocates them apart from its young objects and never copies
 * them either (G1 with regions of up to 4 MiB); only a first chunk grows, by doubling, so that a small
 * search takes little. What changes per successor lives in one padded array, so two workers' buffers
 * never write to one cache line.
 */
final class RecordBuffer {

    private static final int CHUNK_BITS = 18;
    private static final int FIRST = 1 << 10;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final int PAD = 8;
    private static final int LONGS = PAD;
    private static final int INTS = PAD + 1;
    private static final int COUNT_AT = PAD + 2;
    private static final int EDGES = PAD + 3;
    private static final int RECORDS = PAD + 4;
    private static final int TOTAL_EDGES = PAD + 5;

    private final EdgeRecording recording;
    /** Sizes and the record being written, at {@code PAD ..}: see the constants. */
    private final long[] hot = new long[3 * PAD];
    private final List<long[]> longChunks = new ArrayList<>();
    private final List<int[]> intChunks = new ArrayList<>();
    /** The chunks being filled. */
    private long[] longs;
    private int[] ints;

    RecordBuffer(EdgeRecording recording) {
        this.recording = recording;
        hot[COUNT_AT] = -1;
    }

    /** Starts a state's record; false when the budget is spent. */
    boolean begin(long fp, long live) {
        if (!addLong(fp) || !addLong(live) || !addLong(0)) return false;
        long[] h = hot;
        h[COUNT_AT] = h[LONGS] - 1;
        h[EDGES] = 0;
        h[RECORDS]++;
        return true;
    }

    /** Adds a successor to the state's record; false when the budget is spent. */
    boolean edge(long fp, int label) {
        if (!addLong(fp) || !addInt(label)) return false;
        hot[EDGES]++;
        return true;
    }

    /** Ends the state's record. */
    void end() {
        long[] h = hot;
        long at = h[COUNT_AT];
        if (at < 0) return;
        longChunks.get((int) (at >> CHUNK_BITS))[(int) (at & (CHUNK - 1))] = h[EDGES];
        h[TOTAL_EDGES] += h[EDGES];
        h[COUNT_AT] = -1;
    }

    long records() {
        return hot[RECORDS];
    }

    /** The successors of the ended records. */
    long edges() {
        return hot[TOTAL_EDGES];
    }

    long longs() {
        return hot[LONGS];
    }

    long longAt(long i) {
        return longChunks.get((int) (i >> CHUNK_BITS))[(int) (i & (CHUNK - 1))];
    }

    int intAt(long i) {
        return intChunks.get((int) (i >> CHUNK_BITS))[(int) (i & (CHUNK - 1))];
    }

    private boolean addLong(long v) {
        long[] h = hot;
        long size = h[LONGS];
        int i = (int) (size & (CHUNK - 1));
        if (i == 0 && size > 0) {
            if (!recording.reserve(8L * CHUNK)) return false;
            longs = new long[CHUNK];
            longChunks.add(longs);
        } else if (i == (longs == null ? 0 : longs.length)) {   // the first chunk grows
            int n = i == 0 ? FIRST : 2 * i;
            if (!recording.reserve(8L * (n - i))) return false;
            longs = longs == null ? new long[n] : Arrays.copyOf(longs, n);
            if (longChunks.isEmpty()) longChunks.add(longs); else longChunks.set(0, longs);
        }
        longs[i] = v;
        h[LONGS] = size + 1;
        return true;
    }

    private boolean addInt(int v) {
        long[] h = hot;
        long size = h[INTS];
        int i = (int) (size & (CHUNK - 1));
        if (i == 0 && size > 0) {
            if (!recording.reserve(4L * CHUNK)) return false;
            ints = new int[CHUNK];
            intChunks.add(ints);
        } else if (i == (ints == null ? 0 : ints.length)) {   // the first chunk grows
            int n = i == 0 ? FIRST : 2 * i;
            if (!recording.reserve(4L * (n - i))) return false;
            ints = ints == null ? new int[n] : Arrays.copyOf(ints, n);
            if (intChunks.isEmpty()) intChunks.add(ints); else intChunks.set(0, ints);
        }
        ints[i] = v;
        h[INTS] = size + 1;
        return true;
    }
}
