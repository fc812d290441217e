package pagestate.model;

/**
 * What a model declares for the engine's state-space reductions (the command line adapts it): the
 * canonical form of a state under the model's symmetry, and, for partial-order reduction, its actions
 * grouped into units with each unit's future footprint over numbered state components and the components
 * each property reads. The contracts are the engine's ({@code TransitionSystem.canonical},
 * {@code Independence}); the model never sees the engine.
 */
public interface Reductions<S, A> {

    /** The canonical representative of {@code s}'s symmetry class (the identity when nothing is symmetric). */
    S canonical(S s);

    /**
     * The representative of {@code s} under the merging of unobservable detail alone, with no symmetry: no
     * actor's identity changes (the identity when nothing is merged). Liveness uses it when the symmetry
     * would exchange a fair actor.
     */
    default S merged(S s) {
        return s;
    }

    /**
     * {@link #canonical(Object)} when only the properties in {@code watched} (a mask over
     * {@link PropertyName#ordinal()}) still need checking: the form may also merge detail that only the
     * others read. It must merge only states that are bisimilar for every action, every liveness goal and
     * fairness, and every watched property. The default ignores {@code watched}.
     */
    default S canonical(S s, long watched) {
        return canonical(s);
    }

    /**
     * The properties (a mask over {@link PropertyName#ordinal()}) whose leaving {@code watched} may coarsen
     * {@link #canonical(Object, long)}. Default: none.
     */
    default long formProperties() {
        return 0;
    }

    /** {@link #merged(Object)} given the properties still {@code watched}, as {@link #canonical(Object, long)}. */
    default S merged(S s, long watched) {
        return merged(s);
    }

    /**
     * The steps a canonical form assumes taken that {@code s} has not taken (for the page model: the
     * speculative TLB fills of its saturation), reported in order; the default reports none. Replaying a
     * trace found over canonical forms inserts them where a real state needs them.
     */
    default void settle(S s, java.util.function.BiConsumer<A, S> sink) { }

    /** Whether an exchanged actor's enabledness changes only by its own steps or a step into a dead end. */
    default boolean exchangedEnablednessIsLocal() {
        return false;
    }

    /** The actors whose identities the symmetry of {@link #canonical} may exchange. */
    default java.util.Set<Integer> exchangedActors() {
        return java.util.Set.of();
    }

    int units();

    /** 64-bit words of a footprint bit set. */
    int words();

    /** The unit of an enabled action. */
    int unitOf(A action);

    /** Every component that any action the unit may take from {@code s} on may read / may write (arrays arrive cleared). */
    void footprint(S s, int unit, long[] reads, long[] writes);

    /** Whether {@link #footprint(long[], int, int, long[], long[])} is provided: footprints on encoded states. */
    default boolean encodedFootprints() {
        return false;
    }

    /**
     * {@link #footprint(Object, int, long[], long[])} of the state encoded at {@code state[offset ..]}, without
     * decoding it; only when {@link #encodedFootprints()}.
     */
    default void footprint(long[] state, int offset, int unit, long[] reads, long[] writes) {
        throw new UnsupportedOperationException("no footprints on encoded states");
    }

    /** Every component that property {@code name} may read (arrays arrive cleared). */
    void propertyReads(PropertyName name, long[] reads);
}
