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
    long[] fps = new long[64];
    long[] claims = new long[64];
    long[] words;
    int count;
    long transitions;
    int[] firstViolation;
    int winners;
    int maxWinnerAction;
    int base;

    LevelChunk(int width, int slots) {
        this.width = width;
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
        System.arraycopy(w, offset, words, count * width, width);
        count++;
    }
    private void grow() {
        int n = count * 2;
        fps = Arrays.copyOf(fps, n);
        claims = Arrays.copyOf(claims, n);
        words = Arrays.copyOf(words, n * width);
    }

    /** Counts the winners (see {@link SortedInsertion#won}, ids from {@code first}) and the largest action index among them. */
    void tally(SortedInsertion insertion, int first) {
        winners = 0;
        maxWinnerAction = 0;
        for (int i = 0; i < count; i++) {
            if (insertion.won(first + i)) {
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
