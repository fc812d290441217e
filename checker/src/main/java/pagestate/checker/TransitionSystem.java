package pagestate.checker;

import java.util.List;
import java.util.Set;

/**
 * A finite transition system the engine can explore. The engine knows nothing else about it.
 *
 * <p>Contract:
 * <ul>
 *   <li>States are immutable values; {@link #codec()} turns one into a fixed number of 64-bit words
 *       and back, and two states are the same state exactly when their encodings are equal.</li>
 *   <li>{@link #successors} reports the enabled actions of a state in a fixed, deterministic order.
 *       The position of an action in that order is its <em>action index</em>; traces are stored as
 *       action indices and rebuilt by replaying from an initial state, so the order must depend only
 *       on the state.</li>
 *   <li>A state with no successors is a dead end: a deadlock unless {@link #isTerminal} says so.</li>
 *   <li>Several workers call the system, its codec, its forms and its properties' predicates at the same
 *       time (on different states): they must be free of shared mutable state.</li>
 * </ul>
 *
 * @param <S> state type (immutable)
 * @param <A> action type (immutable; describes one transition for traces)
 */
public interface TransitionSystem<S, A> {

    /** The initial states, in a fixed order. */
    List<S> initialStates();

    /** Reports every enabled action of {@code state} with its successor, in a fixed order. */
    void successors(S state, SuccessorSink<S, A> sink);

    /**
     * The same successors as {@link #successors}, asked for again rather than by the safety search: to
     * rebuild, lift or shorten a counterexample, or by a liveness pass over states the safety search has
     * walked. A system that counts what its exploration did (coverage) leaves these uncounted, so that its
     * counts add up to the safety search's transitions.
     */
    default void replaySuccessors(S state, SuccessorSink<S, A> sink) {
        successors(state, sink);
    }

    /** The actor that performs {@code action}: an index into {@link #actorNames()}. Used for fairness. */
    int actorOf(A action);

    /** Names of the actors, indexed by {@link #actorOf}. */
    List<String> actorNames();

    /** Safety properties: each must hold in every reachable state. */
    List<Invariant<S>> invariants();

    /** Liveness properties: "eventually goal" on every maximal path, under weak fairness of named actors. */
    default List<Eventually<S>> liveness() {
        return List.of();
    }

    /** A dead end that the system declares intended (finished, or crashed) rather than a deadlock. */
    default boolean isTerminal(S state) {
        return false;
    }

    /** Compact encoding of states. */
    StateCodec<S> codec();

    /**
     * Symmetry reduction, optional: the canonical representative of {@code state}'s class under the
     * symmetries the system declares (sorting interchangeable components, not trying permutations). The
     * default is the identity: no symmetry. Contract, for every symmetry π of the declared group:
     * {@code canonical(π(s)) == canonical(s)}, {@code canonical(canonical(s)) == canonical(s)}, the
     * canonical form is itself some π(s), the successors of π(s) are the π-images of the successors of s,
     * and every invariant, liveness goal and {@link #isTerminal} gives the same answer on s and π(s).
     * The engine stores canonical forms only; traces are replayed from the real initial state by choosing,
     * at each step, a real successor with the recorded canonical form.
     */
    default S canonical(S state) {
        return state;
    }

    /**
     * The actors whose identity {@link #canonical}'s symmetries may exchange (π maps an action of one to an
     * action of another). Default: none. A liveness pass uses the canonical form only when none of its
     * property's fair actors is exchanged; otherwise it uses {@link #merged}.
     */
    default Set<Integer> exchangedActors() {
        return Set.of();
    }

    /**
     * Whether an exchanged actor's enabledness changes only by its own steps, or by a step into a state with
     * no successors (for example: a zeropad reader is enabled until it has run, unless the guest dies).
     * Default: false. When true, liveness passes may use the canonical form for properties whose fair
     * actors are exchanged (see {@code LivenessVerdict}).
     */
    default boolean exchangedEnablednessIsLocal() {
        return false;
    }

    /**
     * An actor-preserving reduction, optional: a representative of {@code state} under an equivalence that
     * merges detail no property can observe, with no symmetry (no actor is exchanged). The default is the
     * identity. Contract, for s and t with the same merged form m (which is itself a state): every invariant,
     * liveness goal and {@link #isTerminal} gives the same answer on s and t, and each actor a liveness property
     * names as fair is enabled in s exactly when it is in t; every step of s by actor a to s' is matched by a step of m by a to a state
     * with the merged form of s', except steps to a state with the same merged form (a stutter), which must
     * be by actors no liveness property names as fair. {@link #canonical} must satisfy the same contract
     * modulo its symmetries. Liveness passes store merged (or canonical) forms; their lassos and dead ends
     * are lifted to real ones and verified.
     */
    default S merged(S state) {
        return state;
    }

    /**
     * Optional: {@link #canonical(Object)} when only the invariants in {@code open} still need checking (bit
     * i: {@code invariants().get(i)}; invariants from the 64th on are always open), so that the form may
     * also merge detail that only the other invariants read. The contract of {@link #canonical(Object)}
     * holds with "every invariant" read as "every open invariant"; with every bit set this is
     * {@link #canonical(Object)}. The safety search narrows {@code open} between levels, to the invariants
     * not yet violated (the others' verdicts are known); liveness passes that explore use 0, no invariant.
     * Traces are replayed with the form each level used. Default: {@link #canonical(Object)}.
     */
    default S canonical(S state, long open) {
        return canonical(state);
    }

    /**
     * The invariants (bit i: invariant i, below 64) whose closing may coarsen {@link #canonical(Object, long)}:
     * the search narrows {@code open} by these alone. Default: none.
     */
    default long formInvariants() {
        return 0;
    }

    /** {@link #merged(Object)} when only the invariants in {@code open} still need checking, as {@link #canonical(Object, long)}. */
    default S merged(S state, long open) {
        return merged(state);
    }

    /**
     * Optional, for canonical forms that stand for a state reached by hidden steps: reports, in order, real
     * steps from {@code state} (each an enabled action and its successor, the next starting where the last
     * ended) after which the state is the one its canonical form assumes (for example: a TLB that has already
     * cached every translation it may cache). Replaying a trace found over canonical forms inserts these
     * steps where a real state cannot otherwise follow the recorded one; steps not needed for the
     * counterexample are then dropped again (the later steps are re-taken as the enabled action of the same
     * actor with the same {@code toString()}, so an action's text must identify it among a state's actions).
     * The default reports none.
     */
    default void settle(S state, SuccessorSink<S, A> sink) { }

    /**
     * Partial-order reduction, optional: which enabled actions touch disjoint state. The default, null,
     * means no reduction. See {@link Independence} for the contract and the provisos the engine adds.
     */
    default Independence<S, A> independence() {
        return null;
    }

    /**
     * Optional fast path for the safety search: reports the successors of the state encoded at
     * {@code state[offset ..]} already encoded, so that no state object is built per successor. It must
     * report exactly what {@link #successors} reports, in the same order: for each successor {@code next},
     * the encoding by {@link #codec()} of {@code canonical ? canonical(next) : next}, written into
     * {@link EncodedSink#buffer()} before {@link EncodedSink#accept()}. Returns false, having reported
     * nothing, when the system does not provide it: the default.
     */
    default boolean encodedSuccessors(long[] state, int offset, boolean canonical, EncodedSink sink) {
        return false;
    }

    /**
     * {@link #encodedSuccessors(long[], int, boolean, EncodedSink)} with the form {@link #canonical(Object, long)}
     * for the invariants in {@code open}. Default: that method, ignoring {@code open}.
     */
    default boolean encodedSuccessors(long[] state, int offset, boolean canonical, long open, EncodedSink sink) {
        return encodedSuccessors(state, offset, canonical, sink);
    }

    /**
     * The same successors as {@link #encodedSuccessors(long[], int, boolean, long, EncodedSink)}, asked for again
     * rather than by the safety search (as {@link #replaySuccessors} is): by a liveness pass over states the
     * safety search has walked, which then builds no object per successor. A system that counts its
     * exploration leaves these uncounted. Default: that method.
     */
    default boolean encodedReplaySuccessors(long[] state, int offset, boolean canonical, long open, EncodedSink sink) {
        return encodedSuccessors(state, offset, canonical, open, sink);
    }

    /**
     * Optional fast path for the safety search: whether invariant {@code invariant} (an index into
     * {@link #invariants()}) holds in the state encoded at {@code state[offset ..]}, without decoding it: 1
     * holds, 0 violated, exactly as its predicate answers on the decoded state; -1 when the system does not
     * provide it (the default), and the engine then decodes the state.
     */
    default int encodedHolds(int invariant, long[] state, int offset) {
        return -1;
    }

    /**
     * Whether {@link #encodedSuccessors} reports each successor's partial-order unit (its action's
     * {@link Independence#unitOf}) through {@link EncodedSink#accept(int)}, so that partial-order reduction
     * can use the fast path too. Default: false.
     */
    default boolean encodedUnits() {
        return false;
    }

    /**
     * Whether {@link #encodedSuccessors} reports each successor's actor (its action's {@link #actorOf})
     * through {@link EncodedSink#accept(int, int)}, so that the safety search can record the graph liveness
     * needs (see {@code EdgeRecording}) without an object per successor. Default: false.
     */
    default boolean encodedActors() {
        return false;
    }

    /**
     * Optional fast path for liveness: whether the goal of liveness property {@code property} (an index into
     * {@link #liveness()}) holds in the state encoded at {@code state[offset ..]}: 1 holds, 0 does not, exactly
     * as the goal's predicate answers on the decoded state; -1 when the system does not provide it (the
     * default), and the engine then decodes the state.
     */
    default int encodedGoal(int property, long[] state, int offset) {
        return -1;
    }

    /** Receives encoded successors from {@link #encodedSuccessors}. */
    interface EncodedSink {
        /** Where to write the next successor's encoding ({@code codec().words()} words from index 0). */
        long[] buffer();

        /** Takes the successor written in {@link #buffer()}. */
        void accept();

        /** Takes the successor written in {@link #buffer()}, by an action of partial-order unit {@code unit}. */
        default void accept(int unit) {
            accept();
        }

        /** As {@link #accept(int)}, by an action of actor {@code actor} (see {@link #encodedActors}). */
        default void accept(int unit, int actor) {
            accept(unit);
        }
    }

    /** Receives one enabled action and the state it leads to. */
    @FunctionalInterface
    interface SuccessorSink<S, A> {
        void accept(A action, S next);
    }
}
