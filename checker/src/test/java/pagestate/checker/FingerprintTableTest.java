package pagestate.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The ordered fingerprint table against a {@link HashSet}: point inserts and sorted batches, 1 to 3 workers. */
class FingerprintTableTest {

    @Test
    void pointInsertsKeepTheOrderedLayout() {
        Random rnd = new Random(1);
        FingerprintTable t = new FingerprintTable(16);
        Set<Long> ref = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            long fp = fingerprint(rnd, i % 3 == 0);
            t.reserve(ref.size() + 1);
            assertEquals(ref.add(fp), t.insert(fp, null, 0));
        }
        assertTrue(t.wellFormed());
        check(t, ref, rnd);
    }

    @Test
    void sortedBatchesMatchASet() {
        for (int workers = 1; workers <= 3; workers++) {
            try (Workers pool = new Workers(workers)) {
                Random rnd = new Random(workers);
                FingerprintTable t = new FingerprintTable(16);
                Set<Long> ref = new HashSet<>();
                for (int round = 0; round < 60; round++) {
                    // small batches are inserted in place, large ones merged into a larger table
                    int size = round % 4 == 3 ? 1 + rnd.nextInt(20_000) : 1 + rnd.nextInt(200);
                    boolean clustered = round % 5 == 0;
                    long[] batch = new long[size];
                    int k = 0;
                    while (k < size) {
                        long fp = fingerprint(rnd, clustered);
                        if (!ref.contains(fp) && !contains(batch, k, fp)) batch[k++] = fp;
                    }
                    if (round % 2 == 0) {
                        add(pool, t, batch);
                    } else {
                        addAsBuckets(pool, t, batch, rnd);
                    }
                    for (long fp : batch) ref.add(fp);
                    assertTrue(t.wellFormed(), "layout after round " + round + " with " + workers + " workers");
                    assertTrue(t.fits(ref.size()), "load after round " + round + " with " + workers + " workers");
                }
                check(t, ref, rnd);
                assertTrue(t.fits(ref.size()));
            }
        }
    }

    /** Worker ranges as {@link SortedInsertion} makes them: by the top bits of the fingerprint, one run a worker. */
    private static void add(Workers pool, FingerprintTable t, long[] batch) {
        int n = pool.count();
        int buckets = 1 << SortedInsertion.BITS;
        long[] sorted = sortedUnsigned(batch);
        int[] from = new int[n];
        int[] to = new int[n];
        long[] lo = new long[n];
        for (int w = 0; w < n; w++) lo[w] = (long) (buckets * w / n) << (64 - SortedInsertion.BITS);
        int i = 0;
        for (int w = 0; w < n; w++) {
            from[w] = i;
            while (i < sorted.length && (w + 1 == n || Long.compareUnsigned(sorted[i], lo[w + 1]) < 0)) i++;
            to[w] = i;
        }
        int[] first = new int[n + 1];
        Arrays.setAll(first, w -> w);
        t.addSorted(pool, sorted, from, to, first, lo, 0);
    }

    /**
     * Runs as {@link SortedInsertion} gives them: one a bucket (many empty), each at its own place in the
     * array with unused slots between them, worker w adding the runs of its range of buckets; half the
     * time {@link FingerprintTable#prepare}d first, on the last worker (now and then for another size,
     * which must be refused).
     */
    private static void addAsBuckets(Workers pool, FingerprintTable t, long[] batch, Random rnd) {
        int n = pool.count();
        int buckets = 1 << SortedInsertion.BITS;
        long[] sorted = sortedUnsigned(batch);
        long[] spread = new long[sorted.length + 4 * buckets];
        int[] from = new int[buckets];
        int[] to = new int[buckets];
        int i = 0;
        int at = 0;
        for (int b = 0; b < buckets; b++) {
            at += rnd.nextInt(4);
            from[b] = at;
            while (i < sorted.length && SortedInsertion.bucket(sorted[i]) == b) spread[at++] = sorted[i++];
            to[b] = at;
        }
        int[] first = new int[n + 1];
        long[] lo = new long[n];
        for (int w = 0; w <= n; w++) first[w] = buckets * w / n;
        for (int w = 0; w < n; w++) lo[w] = (long) first[w] << (64 - SortedInsertion.BITS);
        // as the engine does, the table is often prepared (grown array allocated) beforehand, on another
        // worker; prepared for another batch size, it refuses the batch and forgets the preparation
        int prepared = rnd.nextInt(4) == 0 ? sorted.length / 2 + 1 : sorted.length;
        boolean prepare = rnd.nextBoolean();
        if (prepare) pool.run(w -> {
            if (w == n - 1) t.prepare(prepared, 0);
        });
        if (prepare && prepared != sorted.length) {
            assertThrows(IllegalStateException.class, () -> t.addSorted(pool, spread, from, to, first, lo, 0));
        }
        t.addSorted(pool, spread, from, to, first, lo, 0);
    }

    private static long[] sortedUnsigned(long[] batch) {
        Long[] boxed = Arrays.stream(batch).boxed().toArray(Long[]::new);
        Arrays.sort(boxed, Long::compareUnsigned);
        long[] sorted = new long[batch.length];
        for (int i = 0; i < sorted.length; i++) sorted[i] = boxed[i];
        return sorted;
    }

    /** Random non-zero fingerprints; clustered ones sit just below a worker boundary or at the ends. */
    private static long fingerprint(Random rnd, boolean clustered) {
        long fp;
        if (!clustered) {
            fp = rnd.nextLong();
        } else {
            long[] anchors = {Long.MIN_VALUE, 0x5540_0000_0000_0000L, 0xAAA0_0000_0000_0000L, -1L, 1L};
            fp = anchors[rnd.nextInt(anchors.length)] - rnd.nextInt(1 << 20);
        }
        return fp == 0 ? 1 : fp;
    }

    private static boolean contains(long[] a, int n, long fp) {
        for (int i = 0; i < n; i++) if (a[i] == fp) return true;
        return false;
    }

    private static void check(FingerprintTable t, Set<Long> ref, Random rnd) {
        for (long fp : ref) assertTrue(t.contains(fp, null, 0));
        for (int i = 0; i < 10_000; i++) {
            long fp = fingerprint(rnd, i % 2 == 0);
            assertEquals(ref.contains(fp), t.contains(fp, null, 0));
        }
        for (long fp : ref) assertFalse(t.insert(fp, null, 0));
    }
}
