package pagestate.checker;

import java.util.Arrays;

/**
 * The output of expanding one chunk of a BFS level: every successor in discovery order
 * (fingerprint, claim key = parent index and action index, encoded words), which of them won
 * (really new, first by BFS order; see {@link SortedInsertion}), the chunk's first violation per property, and its transition
 * count. Reused from level to level.
 */
final class LevelChunk implements Expander.Emit {

    private final int width;
    long[] fps;
    long[] claims;
    long[] words;
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

    LevelChunk(int width, int slots, int capacity) {
        this.width = width;
        this.fps = new long[capacity];
        this.claims = new long[capacity];
        this.words = new long[capacity * width];
        this.firstViolation = new int[slots];
    }

    void reset(int worker, int[] histogram) {
        this.worker = worker;
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
        if (count == fps.length) grow();
        fps[count] = fp;
        histogram[SortedInsertion.bucket(fp)]++;
        claims[count] = ((long) parent << 16) | action;
        if (action > maxAction) maxAction = action;
        System.arraycopy(w, offset, words, count * width, width);
        count++;
    }
    private void grow() {
        int n = count * 2;
        fps = Arrays.copyOf(fps, n);
        claims = Arrays.copyOf(claims, n);
        words = Arrays.copyOf(words, n * width);
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
            maxWinnerAction = Math.max(maxWinnerAction, (int) (claims[id - first] & 0xFFFF));
        }
    }

    static int parentOf(long claim) {
        return (int) (claim >>> 16);
    }

    static int actionOf(long claim) {
        return (int) (claim & 0xFFFF);
    }
}
