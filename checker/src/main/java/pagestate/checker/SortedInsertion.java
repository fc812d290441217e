package pagestate.checker;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Phase 2 of a BFS level: decides which of the level's candidate states are new and adds them to
 * the visited set, working in fingerprint order instead of discovery order. Both tables put a
 * fingerprint at or just after slot {@code fastrange(fp, capacity)}, which is monotone in the
 * fingerprint, so work in fingerprint order walks the table sequentially: about one cache miss per
 * table line instead of one per lookup, and {@link FingerprintTable} adds the new ones by one merge.
 *
 * <p>The order is a bucket sort on the fingerprint's top {@value #BITS} bits (histograms counted per
 * chunk during expansion; the workers scatter the chunks in turn, each bucket in chunk order, so in id
 * order), then a stable counting sort on the next bits
 * (into a worker's buffer of one bucket) and an insertion sort by (fingerprint, candidate id) within each bucket: equal fingerprints end up in
 * discovery order (ids follow chunk order, then position), so the first of them is the state's
 * sequential BFS discovery,
 * the winner. The workers take the buckets to sort and filter in turn; to add the winners, worker
 * {@code w} owns a contiguous range of buckets, hence of fingerprints and of the table. The table is
 * sized for the new states only, counted before it grows.
 */
final class SortedInsertion {

    static final int BITS = 8;
    /** At most this many more bits are sorted on within a bucket. */
    private static final int SUB_BITS = 16;
    static final int BUCKETS = 1 << BITS;

    private final Workers workers;
    private final int width;
    private final boolean exact;
    /** The visited set when it is a {@link FingerprintTable} (merged into), else null. */
    private final FingerprintTable fingerprints;
    /** Where a chunk's bucket counts start in {@link LevelChunk#buckets}. */
    private static final int PAD = LevelChunk.Arena.PAD;
    private final int[] bucketStart = new int[BUCKETS + 1];
    /** After the filter, bucket b's winners are {@code tmpFps/tmpIds[bucketStart[b] .. keptEnd[b])}. */
    private final int[] keptEnd = new int[BUCKETS];
    /** Per worker, the sub-bucket histogram of {@link #sortAndFilter}. */
    private final int[][] histograms;
    /** Candidate ids: chunk c holds ids [chunkStart[c], chunkStart[c+1]). */
    private int[] chunkStart = new int[1];
    /** Per worker, one bucket sorted (fingerprints and ids). */
    private final long[][] sortedFps;
    private final int[][] sortedIds;
    private long[] tmpFps = new long[0];
    private int[] tmpIds = new int[0];
    private final WinnerSet winners;

    SortedInsertion(Workers workers, int width, StateTable table) {
        this.workers = workers;
        this.width = width;
        this.fingerprints = table instanceof FingerprintTable f ? f : null;
        this.exact = fingerprints == null;
        this.histograms = new int[workers.count()][1 << SUB_BITS];
        this.sortedFps = new long[workers.count()][64];
        this.sortedIds = new int[workers.count()][64];
        this.winners = new WinnerSet(workers);
    }

    static int bucket(long fp) {
        return (int) (fp >>> (64 - BITS));
    }

    /**
     * Finds the winners (first discovery of a new state) among the candidates of {@code chunks[0 ..
     * chunkCount)} (each expanded by worker {@link LevelChunk#worker} into {@code arenas[worker]}, which
     * counted their buckets): the candidates not in {@code table}, first of their state. Records them
     * ({@link #nextWinner}) and returns how many there are; {@link #add} then adds them to the table,
     * after {@link BlockCommit#prepareTable}. The workers poll the time limit between buckets: when it stops the run,
     * the result is meaningless and the block is dropped (the table was not touched).
     */
    long filter(List<LevelChunk> chunks, int chunkCount, List<LevelChunk.Arena> arenas, StateTable table,
                RunLimits limits) {
        int n = workers.count();
        if (chunkStart.length < chunkCount + 1) chunkStart = new int[chunkCount + 1];
        for (int c = 0; c < chunkCount; c++) chunkStart[c + 1] = Math.addExact(chunkStart[c], chunks.get(c).count);
        int total = chunkStart[chunkCount];
        winners.reset(total);
        if (total == 0) {
            // no winners: add must not take the last block's again
            Arrays.fill(bucketStart, 0);
            Arrays.fill(keptEnd, 0);
            return 0;
        }
        if (tmpFps.length < total) {
            // a little headroom: every generation of these arrays is fresh memory until collected. The old
            // ones are dropped first (a collection may reclaim them for the new ones), and with several
            // workers two of them allocate (zero) the two arrays at the same time
            int len = (int) Math.min(Integer.MAX_VALUE - 8, total + total / 8L);
            tmpFps = new long[0];
            tmpIds = new int[0];
            workers.run(w -> {
                if (w == 0) tmpFps = new long[len];
                if (w == n - 1) tmpIds = new int[len];
            });
        }
        // each bucket holds the chunks' candidates in chunk order, so in id order: the sort below is stable,
        // and equal fingerprints stay in discovery order without being moved past each other
        int at = 0;
        for (int b = 0; b < BUCKETS; b++) {
            bucketStart[b] = at;
            for (int c = 0; c < chunkCount; c++) {
                int[] cursor = chunks.get(c).buckets;
                int k = cursor[PAD + b];
                cursor[PAD + b] = at;
                at += k;
            }
        }
        bucketStart[BUCKETS] = at;
        AtomicInteger nextChunk = new AtomicInteger();
        workers.run(w -> {
            long[] outF = tmpFps;
            int[] outI = tmpIds;
            for (int c; (c = nextChunk.getAndIncrement()) < chunkCount; ) {
                LevelChunk chunk = chunks.get(c);
                int[] next = chunk.buckets;
                int id = chunkStart[c] - chunk.start;
                if (chunk.arena.keepsFingerprints) {
                    long[] f = chunk.arena.fps;
                    for (int i = chunk.start; i < chunk.start + chunk.count; i++) {
                        long fp = f[i];
                        int p = next[PAD + bucket(fp)]++;
                        outF[p] = fp;
                        outI[p] = id + i;
                    }
                } else {
                    long[] words = chunk.arena.words;
                    for (int i = chunk.start; i < chunk.start + chunk.count; i++) {
                        long fp = Fingerprints.of(words, i, 1);
                        int p = next[PAD + bucket(fp)]++;
                        outF[p] = fp;
                        outI[p] = id + i;
                    }
                }
            }
        });
        int largest = largestBucket();
        AtomicInteger nextBucket = new AtomicInteger();
        workers.run(w -> sortAndFilter(chunks, chunkCount, table, w, largest, nextBucket, limits));
        if (limits.stopped()) return 0;   // the time ran out: the block is dropped
        winners.combine();
        long fresh = 0;
        for (int b = 0; b < BUCKETS; b++) fresh += keptEnd[b] - bucketStart[b];
        return fresh;
    }

    /**
     * Adds the winners of {@link #filter} to {@code table} (prepared by {@link BlockCommit#prepareTable}, see its
     * arguments) and to {@code also} (of the same kind, holding {@code alsoOccupied} states) unless it
     * is null.
     */
    void add(List<LevelChunk> chunks, int chunkCount, StateTable table, long occupied, long fresh, long room,
             StateTable also, long alsoOccupied) {
        add(chunks, chunkCount, table, occupied + fresh, room);
        if (also != null) add(chunks, chunkCount, also, alsoOccupied + fresh, 0);
    }

    /**
     * Adds the winners, {@code tmpFps/tmpIds[bucketStart[b] .. keptEnd[b])} for each bucket b, to
     * {@code table}: worker w those of its range of buckets.
     */
    private void add(List<LevelChunk> chunks, int chunkCount, StateTable table, long total, long room) {
        int n = workers.count();
        int[] first = new int[n + 1];
        for (int w = 0; w <= n; w++) first[w] = BUCKETS * w / n;
        if (table instanceof FingerprintTable f) {
            long[] lo = new long[n];
            for (int w = 0; w < n; w++) lo[w] = (long) first[w] << (64 - BITS);
            f.addSorted(workers, tmpFps, bucketStart, keptEnd, first, lo, room);
            return;
        }
        if (!table.fits(total)) table.reserve(total + room);
        workers.run(w -> {
            for (int b = first[w]; b < first[w + 1]; b++) {
                for (int i = bucketStart[b]; i < keptEnd[b]; i++) {
                    int id = tmpIds[i];
                    int c = chunkOf(id, chunkCount);
                    LevelChunk chunk = chunks.get(c);
                    table.insert(tmpFps[i], chunk.words(), chunk.wordOffset(id - chunkStart[c]));
                }
            }
        });
    }

    private int largestBucket() {
        int largest = 0;
        for (int b = 0; b < BUCKETS; b++) largest = Math.max(largest, bucketStart[b + 1] - bucketStart[b]);
        return largest;
    }

    /** The number of winners of the last block with ids in {@code [from, end)}. */
    int winners(int from, int end) {
        return winners.count(from, end);
    }

    /** The first winner of the last block with an id in {@code [from, end)}, or {@code end} if none. */
    int nextWinner(int from, int end) {
        return winners.next(from, end);
    }

    /** Bytes of the candidate, sort and winner buffers. */
    long allocatedBytes() {
        long bytes = 12L * tmpFps.length + winners.allocatedBytes() + 4L * chunkStart.length;
        for (int w = 0; w < sortedFps.length; w++) bytes += 12L * sortedFps[w].length + 4L * histograms[w].length;
        return bytes;
    }

    /** The first candidate id of chunk {@code c} in the last level. */
    int chunkStart(int c) {
        return chunkStart[c];
    }

    private int chunkOf(int id, int chunkCount) {
        return TraceStore.lastAtMost(chunkStart, chunkCount, id);
    }

    /**
     * Takes buckets in turn from {@code nextBucket} (so that the workers finish together), sorts each
     * fully by unsigned fingerprint, then id, and keeps the winners: candidates neither in the table
     * nor equal to an earlier candidate. They are marked, and written in order to {@code tmpFps/tmpIds}
     * from the bucket's start to {@code keptEnd[bucket]}. {@code largest} is the largest bucket's size.
     */
    private void sortAndFilter(List<LevelChunk> chunks, int chunkCount, StateTable table, int worker, int largest,
                               AtomicInteger nextBucket, RunLimits limits) {
        long[] mark = winners.marks(worker);
        int cursor = 0;   // a worker's buckets ascend, so its seeks do too
        int[] hist = histograms[worker];
        if (sortedFps[worker].length < largest) {
            int len = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(largest, sortedFps[worker].length * 3L / 2));
            sortedFps[worker] = new long[len];
            sortedIds[worker] = new int[len];
        }
        long[] fps = sortedFps[worker];
        int[] ids = sortedIds[worker];
        int b;
        while ((b = nextBucket.getAndIncrement()) < BUCKETS && !limits.checkTime()) {
            int start = bucketStart[b];
            int size = bucketStart[b + 1] - start;
            // the bucket is sorted into fps/ids [0, size); winners go back to tmpFps/tmpIds at out <= start + i
            int out = start;
            if (size > 16) {
                int bits = Math.min(SUB_BITS, 32 - Integer.numberOfLeadingZeros(size - 1));
                int shift = 64 - BITS - bits;
                int mask = (1 << bits) - 1;
                Arrays.fill(hist, 0, 1 << bits, 0);
                for (int i = start; i < start + size; i++) hist[(int) (tmpFps[i] >>> shift) & mask]++;
                int at = 0;
                for (int d = 0; d <= mask; d++) {
                    int k = hist[d];
                    hist[d] = at;
                    at += k;
                }
                for (int i = start; i < start + size; i++) {
                    long fp = tmpFps[i];
                    int p = hist[(int) (fp >>> shift) & mask]++;
                    fps[p] = fp;
                    ids[p] = tmpIds[i];
                }
            } else {
                System.arraycopy(tmpFps, start, fps, 0, size);
                System.arraycopy(tmpIds, start, ids, 0, size);
            }
            insertionSort(fps, ids, 0, size);
            if (!exact) {
                long previous = 0;
                for (int i = 0; i < size; i++) {
                    long fp = fps[i];
                    if (fp == previous) continue;
                    previous = fp;
                    cursor = fingerprints.seek(fp, cursor);
                    if (fingerprints.slot(cursor) == fp) continue;
                    int id = ids[i];
                    mark[id >>> 6] |= 1L << id;
                    tmpFps[out] = fp;
                    tmpIds[out] = id;
                    out++;
                }
            } else {
                int runStart = 0;
                long previous = 0;
                for (int i = 0; i < size; i++) {
                    long fp = fps[i];
                    int id = ids[i];
                    if (fp != previous) {
                        runStart = i;
                        previous = fp;
                    }
                    int c = chunkOf(id, chunkCount);
                    long[] words = chunks.get(c).words();
                    int offset = chunks.get(c).wordOffset(id - chunkStart[c]);
                    if (table.contains(fp, words, offset) || repeats(chunks, chunkCount, ids, runStart, i, words, offset)) continue;
                    mark[id >>> 6] |= 1L << id;
                    tmpFps[out] = fp;
                    tmpIds[out] = id;
                    out++;
                }
            }
            keptEnd[b] = out;
        }
    }

    /** Insertion sort of {@code [from, to)} by unsigned fingerprint, then id (the range is nearly sorted). */
    private static void insertionSort(long[] fps, int[] ids, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            long fp = fps[i];
            int id = ids[i];
            if (!after(fps[i - 1], ids[i - 1], fp, id)) continue;
            int j = i - 1;
            while (j >= from && after(fps[j], ids[j], fp, id)) {
                fps[j + 1] = fps[j];
                ids[j + 1] = ids[j];
                j--;
            }
            fps[j + 1] = fp;
            ids[j + 1] = id;
        }
    }

    private static boolean after(long fpA, int idA, long fpB, int idB) {
        return fpA == fpB ? idA > idB : fpA + Long.MIN_VALUE > fpB + Long.MIN_VALUE;
    }

    /** Whether an element of {@code [runStart, i)} (same fingerprint) is the same state (exact mode). */
    private boolean repeats(List<LevelChunk> chunks, int chunkCount, int[] ids, int runStart, int i, long[] words, int offset) {
        for (int j = runStart; j < i; j++) {
            int id = ids[j];
            int c = chunkOf(id, chunkCount);
            int o = chunks.get(c).wordOffset(id - chunkStart[c]);
            if (Arrays.equals(chunks.get(c).words(), o, o + width, words, offset, offset + width)) return true;
        }
        return false;
    }
}
