package pagestate.checker;

import java.util.List;

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

    /** Receives one enabled action and the state it leads to. */
    @FunctionalInterface
    interface SuccessorSink<S, A> {
        void accept(A action, S next);
    }
}
