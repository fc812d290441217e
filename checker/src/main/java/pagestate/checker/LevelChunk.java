package pagestate.checker;

import java.util.Arrays;

/**
 * The output of expanding one chunk of a BFS level: the candidate new states in discovery order
 * (fingerprint, claim key = parent index and action index, encoded words), which of them won
 * (really new, first by BFS order), the chunk's first violation per property, and its transition
 * count. Reused from level to level.
 */
final class LevelChunk implements Expander.Emit {

    /** Whether a successor is kept as a candidate new state. */
    interface Admission {
        boolean admit(long fp, long[] words, int offset);
    }

    private final int width;
    private final Admission admission;
    private final boolean insertNow;
    long[] fps = new long[64];
    long[] claims = new long[64];
    long[] words;
    boolean[] winner = new boolean[64];
    int count;
    long transitions;
    int[] firstViolation;
    int winners;
    int maxWinnerAction;
    int base;
    /** Keeps the prefetching loads alive. */
    long sink;
    static final int BATCH = 512;

    /**
     * @param admission decides whether a successor is a candidate: with one worker it inserts into
     *                  the visited set (the first discovery is the BFS winner, {@code insertNow});
     *                  with several it only filters out states of earlier levels
     */
    LevelChunk(int width, int slots, Admission admission, boolean insertNow) {
        this.width = width;
        this.admission = admission;
        this.insertNow = insertNow;
        this.words = new long[64 * width];
        this.firstViolation = new int[slots];
    }

    void reset() {
        count = 0;
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
        claims[count] = ((long) parent << 16) | action;
        winner[count] = insertNow;
        System.arraycopy(w, offset, words, count * width, width);
        count++;
    }

    /**
     * Keeps the successors gathered so far that the admission accepts, in order. Works in batches:
     * first touches every batch member's home slot (independent loads, so the cache misses overlap),
     * then admits them one by one.
     */
    void admitAll(StateTable table) {
        int kept = 0;
        long touched = 0;
        for (int from = 0; from < count; from += BATCH) {
            int to = Math.min(count, from + BATCH);
            for (int i = from; i < to; i++) touched += table.peek(fps[i]);
            for (int i = from; i < to; i++) {
                if (!admission.admit(fps[i], words, i * width)) continue;
                if (kept != i) {
                    fps[kept] = fps[i];
                    claims[kept] = claims[i];
                    System.arraycopy(words, i * width, words, kept * width, width);
                }
                kept++;
            }
        }
        count = kept;
        sink = touched;
    }

    private void grow() {
        int n = count * 2;
        fps = Arrays.copyOf(fps, n);
        claims = Arrays.copyOf(claims, n);
        winner = Arrays.copyOf(winner, n);
        words = Arrays.copyOf(words, n * width);
    }

    /** Counts the winners and the largest action index among them. */
    void tally() {
        winners = 0;
        maxWinnerAction = 0;
        for (int i = 0; i < count; i++) {
            if (winner[i]) {
                winners++;
                maxWinnerAction = Math.max(maxWinnerAction, (int) (claims[i] & 0xFFFF));
            }
        }
    }

    static int parentOf(long claim) {
        return (int) (claim >>> 16);
    }

    static int actionOf(long claim) {
        return (int) (claim & 0xFFFF);
    }
}
