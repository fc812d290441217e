package pagestate.checker;

/**
 * What the cycle proviso of partial-order reduction asks ({@link Expander.Stored}): whether a successor
 * was stored before the level being expanded. That is the visited set minus the level's new states, which
 * the level's earlier blocks added; so, when a level has several blocks, their new states are also kept
 * apart here ({@link #levelNew}), and the answer is the same at every thread count and block size.
 */
final class StoredBeforeLevel implements Expander.Stored {

    private final boolean exact;
    private final int width;
    /** The visited set; null once the search is over. */
    private StateTable table;
    /** The new states of the level so far, when it has several blocks under partial-order reduction; else null. */
    private StateTable levelNew;
    private long levelNewCount;

    StoredBeforeLevel(StateTable table, boolean exact, int width) {
        this.table = table;
        this.exact = exact;
        this.width = width;
    }

    @Override
    public boolean before(long fp, long[] words, int offset) {
        if (!table.contains(fp, words, offset)) return false;
        StateTable added = levelNew;
        return added == null || !added.contains(fp, words, offset);
    }

    /** A new level: none of its states is stored yet. */
    void startLevel() {
        levelNew = null;
        levelNewCount = 0;
    }

    /** Before a block that is not its level's last (under partial-order reduction): its new states are kept apart. */
    void blockBeforeLast() {
        if (levelNew == null) levelNew = exact ? new ExactTable(width, 1 << 12) : new FingerprintTable(1 << 12);
    }

    /** The table of the level's new states so far, or null when they need not be kept apart. */
    StateTable levelNew() {
        return levelNew;
    }

    /** The level's new states so far (also those of a level whose new states are not kept apart). */
    long levelNewCount() {
        return levelNewCount;
    }

    /** A block added {@code fresh} new states (to {@link #levelNew} too, when it is not null). */
    void added(long fresh) {
        levelNewCount += fresh;
    }

    long allocatedBytes() {
        return levelNew != null ? levelNew.allocatedBytes() : 0;
    }

    /** The search is over: the tables are left to the collector. */
    void release() {
        table = null;
        levelNew = null;
    }
}
