package pagestate.checker;

/**
 * What partial-order reduction needs to know about a system: its actions are grouped into <em>units</em>
 * (a process, one TLB entry's hardware, ...), and for a state the system gives every unit's
 * <em>future footprint</em>: the state components (numbered bits) that any action the unit may take on any
 * path from that state may read and may write.
 *
 * <p>Contract: an action's enabledness and effect depend only on the components its unit's footprint
 * reads; it changes only components its unit's footprint writes; the footprint over-approximates every
 * future action of the unit, enabled or not, whatever the other units do meanwhile.
 *
 * <p>What the engine does with it ({@link PersistentSets}): two units conflict when one may write what the
 * other may read or write. From a unit with an enabled action it closes under conflict (over all units,
 * enabled or not); the enabled actions of the closure are a persistent set: every action outside it is
 * independent of it on every path (it neither enables, disables nor changes the result of any action
 * inside). The engine explores only such a set (the smallest one that passes, first in unit order on
 * ties) when it is also invisible (no unit of the set may write a component that an invariant not yet
 * violated reads, {@link #invariantReads}) and satisfies the cycle proviso (no action of the set leads to
 * a state stored at the current BFS depth or earlier, so every cycle of the reduced graph has a fully
 * expanded state).
 *
 * <p>Visibility is decided on components, not by evaluating the invariants before and after an action:
 * an action can leave every invariant unchanged in the state where it is taken and still change one in
 * a state that independent actions reach (A: a0 -> a1 and B: b0 -> b1 independent, bad = a0 and b1: A is
 * invisible at (a0, b0), but taking A first never reaches (a0, b1)). The reduction property test found
 * exactly this with the dynamic check.
 * Otherwise the state is fully expanded. Persistent sets keep every deadlock reachable; with the
 * visibility and cycle provisos every invariant keeps its verdict (Godefroid 1996; Clarke, Grumberg and
 * Peled, Model Checking, ch. 10). Liveness passes never use this reduction.
 */
public interface Independence<S, A> {

    /** Number of units. */
    int units();

    /** Number of 64-bit words of a footprint bit set. */
    int words();

    /** The unit that an enabled {@code action} of {@code state} belongs to, in {@code [0, units())}. */
    int unitOf(S state, A action);

    /**
     * Writes {@code unit}'s future footprint in {@code state}: the components it may read into
     * {@code reads[0 .. words())} and those it may write into {@code writes[0 .. words())} (both arrays
     * arrive cleared). A unit that will never act again leaves both empty.
     */
    void footprint(S state, int unit, long[] reads, long[] writes);

    /**
     * Whether {@link #footprint(long[], int, int, long[], long[])} is provided, so that the safety search
     * decodes no state for partial-order reduction. Default: false.
     */
    default boolean encodedFootprints() {
        return false;
    }

    /**
     * {@link #footprint(Object, int, long[], long[])} of the state encoded at {@code state[offset ..]}, exactly
     * as on the decoded state; only called when {@link #encodedFootprints()}.
     */
    default void footprint(long[] state, int offset, int unit, long[] reads, long[] writes) {
        throw new UnsupportedOperationException("no footprints on encoded states");
    }

    /**
     * Writes into {@code reads[0 .. words())} (cleared) every component that invariant number
     * {@code invariant} (an index into {@link TransitionSystem#invariants()}) may read, in any state.
     */
    void invariantReads(int invariant, long[] reads);
}
