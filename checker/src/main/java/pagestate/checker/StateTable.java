package pagestate.checker;

/**
 * The visited set of the breadth-first search, keyed by a 64-bit fingerprint. Two implementations:
 * {@link FingerprintTable} (the fingerprint stands for the state) and {@link ExactTable} (full
 * encoded states are stored and compared).
 *
 * <p>Threading: {@link #contains} may run concurrently with other {@code contains}; {@link #reserve}
 * runs alone. {@link ExactTable#insert} may run concurrently with inserts of other fingerprints (the
 * engine gives each fingerprint range to one worker); {@link FingerprintTable#insert} runs alone, its
 * parallel path is {@link FingerprintTable#addSorted}.
 */
interface StateTable {

    /** Whether the state is present. */
    boolean contains(long fp, long[] words, int offset);

    /** Adds the state; true when it was not present. Requires room (see {@link #reserve}). */
    boolean insert(long fp, long[] words, int offset);

    /** Makes room for {@code totalStates} states in all (may allocate; throws OutOfMemoryError). */
    void reserve(long totalStates);

    /** Whether {@code totalStates} states fit without growing. */
    boolean fits(long totalStates);

    /**
     * The bytes adding {@code fresh} states to the {@code occupied} ones will allocate (a larger table,
     * with room for {@code room} more, when it must grow; 0 when they fit), before the old table is freed.
     */
    long growthBytes(long occupied, long fresh, long room);

    /** Bytes allocated for the table (capacity, not occupancy; with a grown table being prepared, both). */
    long allocatedBytes();

    /** "fingerprint" or "exact". */
    String mode();
}
