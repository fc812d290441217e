package pagestate.checker;

import java.util.Arrays;

/**
 * The output of expanding one chunk of a BFS level: every successor in discovery order
 * (fingerprint, claim key = parent index and action index, encoded words) — stored in its worker's
 * {@link Arena} — the number of winners among them (really new, first by BFS order; see
 * {@link SortedInsertion}), the chunk's first violation per property, and its transition count.
 * Reused from level to level.
 */
final class LevelChunk implements Expander.Emit {

    /**
     * One worker's successors of a level, chunk after chunk (a worker fills one chunk at a time).
     * A few large arrays, reused from level to level, rather than small ones per chunk: they are
     * allocated once and never copied by the garbage collector.
     */
    static final class Arena {
        private final int width;
        long[] fps = new long[1024];
        long[] claims = new long[1024];
        long[] words;
        int size;

        Arena(int width) {
            this.width = width;
            this.words = new long[1024 * width];
        }

        private void grow() {
            int n = (int) Math.min(Integer.MAX_VALUE - 8, fps.length * 2L);
            if (n == size || (long) n * width > Integer.MAX_VALUE - 8) throw new OutOfMemoryError("level too large");
            fps = Arrays.copyOf(fps, n);
            claims = Arrays.copyOf(claims, n);
            words = Arrays.copyOf(words, n * width);
        }
    }

    private final int width;
    /** The successors are {@code arena}'s entries {@code [start, start + count)}. */
    Arena arena;
    int start;
    int count;
    /** The largest action index among all the successors. */
    int maxAction;
    /** The worker that expanded this chunk in the current level. */
    int worker;
    /** That worker's histogram of fingerprint buckets ({@link SortedInsertion#bucket}), counted as successors arrive. */
    private int[] histogram;
    long transitions;
    int[] firstViolation;
    int winners;
    int maxWinnerAction;
    int base;

    LevelChunk(int width, int slots) {
        this.width = width;
        this.firstViolation = new int[slots];
    }

    void reset(int worker, Arena arena, int[] histogram) {
        this.worker = worker;
        this.arena = arena;
        this.start = arena.size;
        this.histogram = histogram;
        count = 0;
        maxAction = 0;
        transitions = 0;
        winners = 0;
        maxWinnerAction = 0;
        Arrays.fill(firstViolation, -1);
    }

    @Override
    public void successor(int parent, int action, long fp, long[] w, int offset) {
        transitions++;
        Arena a = arena;
        int k = a.size;
        if (k == a.fps.length) a.grow();
        a.fps[k] = fp;
        histogram[SortedInsertion.bucket(fp)]++;
        a.claims[k] = ((long) parent << 16) | action;
        if (action > maxAction) maxAction = action;
        System.arraycopy(w, offset, a.words, k * width, width);
        a.size = k + 1;
        count++;
    }

    long claim(int i) {
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
            maxWinnerAction = Math.max(maxWinnerAction, (int) (claim(id - first) & 0xFFFF));
        }
    }

    static int parentOf(long claim) {
        return (int) (claim >>> 16);
    }

    static int actionOf(long claim) {
        return (int) (claim & 0xFFFF);
    }
}
