package pagestate.checker;

import java.util.Arrays;

/**
 * The output of expanding one chunk of a BFS level: every successor in discovery order
 * (fingerprint, claim = the parent's position in the chunk and the action index, encoded words) — stored in its worker's
 * {@link Arena} — the number of winners among them (really new, first by BFS order; see
 * {@link SortedInsertion}), the chunk's first violation per property, and its transition count.
 * Reused from level to level.
 */
final class LevelChunk {

    /**
     * One worker's successors of a level, chunk after chunk (a worker fills one chunk at a time).
     * A few large arrays, reused from level to level, rather than small ones per chunk: they are
     * allocated once and never copied by the garbage collector. What changes per successor (the
     * size, the largest action, the bucket counts) lives in arrays at least 64 bytes away from any
     * other object, so two workers never write to one cache line.
     */
    static final class Arena implements Expander.Emit {
        static final int PAD = 16;
        private static final int SIZE = PAD;
        private static final int MAX_ACTION = PAD + 1;
        private static final int EMITTED = PAD + 2;
        /** Entries of {@link #seen}: 32 KiB, which stays in a core's own cache. */
        private static final int SEEN = 1 << 12;
        private final int width;
        private final int[] hot = new int[3 * PAD];
        /** Successors per fingerprint bucket ({@link SortedInsertion#bucket}) at index {@code PAD + bucket}. */
        private final int[] histogram = new int[SortedInsertion.BUCKETS + 2 * PAD];
        /**
         * The fingerprints, unless the states are one word: then the fingerprint is a cheap function of
         * the word ({@link Fingerprints#of}), recomputed when needed, and this array stays empty.
         */
        long[] fps;
        /** Per successor: its parent's position in its chunk (16 bits) and its action index (16 bits). */
        int[] claims = new int[1024];
        long[] words;
        /** The first parent index of the chunk being filled. */
        private int firstParent;
        final boolean keepsFingerprints;
        /**
         * The fingerprints of this block's recent successors, each at its low bits (0: none), when equal
         * fingerprints are one state (not {@code --exact}). A successor whose fingerprint is there is dropped:
         * an earlier successor of the same worker and block, so one of a smaller claim (a worker's chunks
         * ascend, and so do a chunk's parents and a parent's actions), can never be its state's winner
         * ({@link SortedInsertion}); the transition is counted all the same. Most transitions of the page
         * model lead to a state a sibling reached just before (evictions and fills commute), and each one
         * dropped here is neither stored, sorted nor filtered.
         */
        private final long[] seen;

        Arena(int width, boolean dropRepeats) {
            this.width = width;
            this.seen = dropRepeats ? new long[SEEN] : null;
            this.keepsFingerprints = width > 1;
            this.fps = new long[keepsFingerprints ? 1024 : 0];
            this.words = new long[1024 * width];
        }

        /**
         * Empties the arena and its histogram, for a new block of a level, with room for {@code expected}
         * successors. When it must grow it takes twice its old room if that is more (at most {@code most}):
         * levels grow, and every new array is fresh memory to fault in.
         */
        void clear(int expected, int most) {
            hot[SIZE] = 0;
            hot[EMITTED] = 0;
            if (seen != null) Arrays.fill(seen, 0L);
            Arrays.fill(histogram, 0);
            if (claims.length < expected) {
                expected = Math.max(expected, Math.min(most, 2 * claims.length));
                // the old arrays are dropped first, so that a collection may reclaim them for the new ones
                fps = words = new long[0];
                claims = new int[0];
                if (keepsFingerprints) fps = new long[expected];
                claims = new int[expected];
                words = new long[expected * width];
            }
        }

        int size() {
            return hot[SIZE];
        }

        /** The successors reported since {@link #clear}, the dropped repeats included. */
        int emitted() {
            return hot[EMITTED];
        }

        long allocatedBytes() {
            return 8L * fps.length + 4L * claims.length + 8L * words.length + 4L * (hot.length + histogram.length);
        }

        @Override
        public void successor(int parent, int action, long fp, long[] w, int offset) {
            int[] h = hot;
            h[EMITTED]++;
            if (seen != null) {
                int i = (int) fp & SEEN - 1;
                if (seen[i] == fp) return;
                seen[i] = fp;
            }
            int k = h[SIZE];
            if (k == claims.length) grow();
            if (keepsFingerprints) fps[k] = fp;
            histogram[PAD + SortedInsertion.bucket(fp)]++;
            claims[k] = ((parent - firstParent) << 16) | action;
            if (action > h[MAX_ACTION]) h[MAX_ACTION] = action;
            if (width == 1) {
                words[k] = w[offset];
            } else {
                System.arraycopy(w, offset, words, k * width, width);
            }
            h[SIZE] = k + 1;
        }

        private void grow() {
            int size = hot[SIZE];
            int n = (int) Math.min(Integer.MAX_VALUE - 8, claims.length * 3L / 2 + 1024);
            if (n == size || (long) n * width > Integer.MAX_VALUE - 8) throw new OutOfMemoryError("level too large");
            if (keepsFingerprints) fps = Arrays.copyOf(fps, n);
            claims = Arrays.copyOf(claims, n);
            words = Arrays.copyOf(words, n * width);
        }
    }

    private final int width;
    /** The successors are {@code arena}'s entries {@code [start, start + count)}. */
    Arena arena;
    int start;
    /** The arena's {@link Arena#emitted} when the chunk started. */
    private int emittedStart;
    int count;
    /** The largest action index among all the successors. */
    int maxAction;
    /** The worker that expanded this chunk in the current level. */
    int worker;
    /** The index of the chunk's first parent: the claims count parents from it. */
    int firstParent;
    long transitions;
    int[] firstViolation;
    int winners;
    int maxWinnerAction;
    int base;
    /**
     * Per fingerprint bucket, at index {@code PAD + bucket}: the arena's count when the chunk started,
     * then ({@link #finish}) the chunk's own count, then ({@link SortedInsertion#filter}) where its next
     * successor of that bucket goes, so that a bucket holds its candidates in id order. Padded: the
     * worker that scatters the chunk writes it.
     */
    final int[] buckets = new int[SortedInsertion.BUCKETS + 2 * Arena.PAD];

    LevelChunk(int width, int slots) {
        this.width = width;
        this.firstViolation = new int[slots];
    }

    /**
     * Starts the chunk, whose parents are at most {@link BlockExpansion#CHUNK_STATES} consecutive
     * indices from {@code firstParent}: its successors go to {@code arena} (see {@link #finish}).
     */
    void start(int worker, Arena arena, int firstParent) {
        this.worker = worker;
        this.arena = arena;
        this.firstParent = firstParent;
        arena.firstParent = firstParent;
        this.start = arena.size();
        this.emittedStart = arena.emitted();
        System.arraycopy(arena.histogram, 0, buckets, 0, buckets.length);
        arena.hot[Arena.MAX_ACTION] = 0;
        count = 0;
        maxAction = 0;
        transitions = 0;
        winners = 0;
        maxWinnerAction = 0;
        Arrays.fill(firstViolation, -1);
    }

    /** Ends the chunk: takes the count and largest action of the successors the arena received since {@link #start}. */
    void finish() {
        count = arena.size() - start;
        for (int b = Arena.PAD; b < Arena.PAD + SortedInsertion.BUCKETS; b++) buckets[b] = arena.histogram[b] - buckets[b];
        transitions = arena.emitted() - emittedStart;
        maxAction = arena.hot[Arena.MAX_ACTION];
    }

    /** The claim of successor {@code i}: see {@link #parentOf} and {@link #actionOf}. */
    int claim(int i) {
        return arena.claims[start + i];
    }

    /** The encoded words of successor {@code i} are {@code words()[wordOffset(i) ..]}. */
    long[] words() {
        return arena.words;
    }

    int wordOffset(int i) {
        return (start + i) * width;
    }

    /**
     * Counts the winners (see {@link SortedInsertion#nextWinner}, ids from {@code first}); the largest
     * action index among them is exact when above 255, else only at most 255.
     */
    void tally(SortedInsertion insertion, int first) {
        int end = first + count;
        winners = insertion.winners(first, end);
        maxWinnerAction = maxAction;
        if (maxAction <= 255) return;
        maxWinnerAction = 0;
        for (int id = insertion.nextWinner(first, end); id < end; id = insertion.nextWinner(id + 1, end)) {
            maxWinnerAction = Math.max(maxWinnerAction, actionOf(claim(id - first)));
        }
    }

    /** The parent index of a claim of this chunk. */
    int parentOf(int claim) {
        return firstParent + (claim >>> 16);
    }

    static int actionOf(int claim) {
        return claim & 0xFFFF;
    }
}
