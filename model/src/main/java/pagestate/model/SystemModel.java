package pagestate.model;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * The transition system of one seed system, as the command line and the reports see every system:
 * an initial state, the enabled actions of a state in a fixed order, named properties, a compact
 * encoding and readable text. It knows nothing of the engine.
 *
 * @param <S> the state type (an immutable value with equals and hashCode)
 * @param <A> the action type
 */
public interface SystemModel<S, A extends ModelAction> {

    SeedSystem system();

    S initialState();

    /** Reports every enabled action of {@code s} with its successor, in a fixed order. */
    void successors(S s, BiConsumer<A, S> sink);

    /** A dead end that is intended: the guest died, or every actor has finished. */
    boolean isTerminal(S s);

    /** The actors, indexed by {@link ModelAction#actor()}. */
    List<String> actorNames();

    /** Every property of the system (a spec selects some). */
    List<? extends SystemProperty<S>> properties();

    default SystemProperty<S> property(PropertyName name) {
        for (SystemProperty<S> p : properties()) if (p.name() == name) return p;
        throw new IllegalArgumentException(name.specName() + " is not a property of system " + system().specName());
    }

    /** Words of the compact encoding; {@code encode} and {@code decode} are inverse and injective. */
    int words();

    void encode(S s, long[] out, int offset);

    S decode(long[] in, int offset);

    /**
     * Optional fast path: reports the successors of the state encoded at {@code state[offset ..]} already
     * encoded (in canonical form when {@code canonical}), exactly as {@link #successors} and
     * {@link #encode} (and {@code reductions().canonical}) would give them, in the same order: each written
     * into {@link EncodedSink#buffer()} before {@link EncodedSink#accept()}. Returns false, having reported
     * nothing, when the model does not provide it: the default.
     */
    default boolean encodedSuccessors(long[] state, int offset, boolean canonical, EncodedSink sink) {
        return false;
    }

    /**
     * {@link #encodedSuccessors(long[], int, boolean, EncodedSink)} with the canonical form of
     * {@code Reductions.canonical(s, watched)}: only the properties in {@code watched} (a mask over
     * {@link PropertyName#ordinal()}) still need checking. The default ignores {@code watched}.
     */
    default boolean encodedSuccessors(long[] state, int offset, boolean canonical, long watched, EncodedSink sink) {
        return encodedSuccessors(state, offset, canonical, sink);
    }

    /**
     * Optional fast path: whether property {@code name} (a safety property or a liveness goal) holds in the state encoded at
     * {@code state[offset ..]}, without decoding it: 1 holds, 0 violated (as the property's predicate answers
     * on the decoded state), -1 when the model does not provide it (the default).
     */
    default int encodedHolds(PropertyName name, long[] state, int offset) {
        return -1;
    }

    /** Receives encoded successors from {@link #encodedSuccessors}. */
    interface EncodedSink {
        /** Where to write the next successor's encoding ({@link #words()} words from index 0). */
        long[] buffer();

        /** Takes the successor written in {@link #buffer()}. */
        void accept();

        /** Takes the successor written in {@link #buffer()}, by an action of partial-order unit {@code unit}. */
        default void accept(int unit) {
            accept();
        }

        /** As {@link #accept(int)}, by an action of actor {@code actor} ({@link ModelAction#actor()}). */
        default void accept(int unit, int actor) {
            accept(unit);
        }

        /**
         * As {@link #accept(int, int)}, by an action of kind {@code kind}: an index into
         * {@link SystemModel#encodedKinds()} ({@link ModelAction#kind()}), for coverage.
         */
        default void accept(int unit, int actor, int kind) {
            accept(unit, actor);
        }
    }

    /** Whether {@link #encodedSuccessors} reports each successor's actor through {@link EncodedSink#accept(int, int)}. */
    default boolean encodedActors() {
        return false;
    }

    /**
     * The kinds of action ({@link ModelAction#kind()}) that {@link #encodedSuccessors} reports each successor's
     * kind among, by index, through {@link EncodedSink#accept(int, int, int)}; empty (the default) when it
     * reports no kinds.
     */
    default List<String> encodedKinds() {
        return List.of();
    }

    /** {@link #programPc} of the state encoded at {@code state[offset ..]}; -1 when the model does not provide it. */
    default int encodedProgramPc(long[] state, int offset) {
        return -1;
    }

    /**
     * Whether {@link #encodedSuccessors} reports each successor's partial-order unit
     * ({@code reductions().unitOf} of its action) through {@link EncodedSink#accept(int)}. Default: false.
     */
    default boolean encodedUnits() {
        return false;
    }

    /** State-space reductions the model declares (symmetry, partial-order footprints), or null for none. */
    default Reductions<S, A> reductions() {
        return null;
    }

    /** What differs between two states, one short item each, for traces. */
    List<String> changes(S before, S after);

    /** Every piece of a state, one short line each. */
    String describe(S s);

    /**
     * The trace retold with its cause ({@link TraceStory}): {@code states.get(i)} is the state after
     * {@code actions.get(i)}; {@code property} is the property the trace violates, and {@code lasso} says
     * whether it is a lasso (then no step is the violating one). Null when the model tells no more than
     * {@link #changes}: the trace is shown step by step as it is.
     */
    default TraceStory story(S initial, List<A> actions, List<S> states, PropertyName property, boolean lasso) {
        return null;
    }

    /** Lanes every diagram shows first, in order, even when no step of the trace is on them. */
    default List<String> lanes() {
        return List.of();
    }

    /** A short tag for a state in a drawn state graph ("crashed: ..."), or null. */
    default String tag(S s) {
        return null;
    }

    // ---- the program whose steps measure a window of exposure (the first converter, the driver, the guest)

    /** Whether {@code actor} is a program actor (a converter, a driver): its own steps open no window. */
    default boolean isProgramActor(int actor) {
        return false;
    }

    /** Number of steps of the measuring program; 0 when the system has none. */
    default int programSize() {
        return 0;
    }

    /** The measuring program's position in {@code s} (0..programSize). */
    default int programPc(S s) {
        return 0;
    }

    /** The measuring program's step at {@code pc}, as text ("flip (to shared)"). */
    default String programStep(int pc) {
        return "step " + pc;
    }
}
