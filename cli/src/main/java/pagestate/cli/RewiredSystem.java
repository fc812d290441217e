package pagestate.cli;

import java.util.List;
import java.util.Set;
import pagestate.checker.Eventually;
import pagestate.checker.Independence;
import pagestate.checker.Invariant;
import pagestate.checker.StateCodec;
import pagestate.checker.TransitionSystem;

/**
 * A transition system with the states and actions of {@code inner} but other properties: what the
 * repair search asks of the engine beyond a spec's own properties. With {@code por} false it declares no
 * independence, so that invariants whose reads the system cannot name are checked on every state.
 */
final class RewiredSystem<S, A> implements TransitionSystem<S, A> {
    private final TransitionSystem<S, A> inner;
    private final List<Invariant<S>> invariants;
    private final List<Eventually<S>> liveness;
    private final boolean por;

    RewiredSystem(TransitionSystem<S, A> inner, List<Invariant<S>> invariants, List<Eventually<S>> liveness, boolean por) {
        this.inner = inner;
        this.invariants = List.copyOf(invariants);
        this.liveness = List.copyOf(liveness);
        this.por = por;
    }

    @Override public List<S> initialStates() { return inner.initialStates(); }
    @Override public void successors(S state, SuccessorSink<S, A> sink) { inner.successors(state, sink); }
    @Override public int actorOf(A action) { return inner.actorOf(action); }
    @Override public List<String> actorNames() { return inner.actorNames(); }
    @Override public List<Invariant<S>> invariants() { return invariants; }
    @Override public List<Eventually<S>> liveness() { return liveness; }
    @Override public boolean isTerminal(S state) { return inner.isTerminal(state); }
    @Override public StateCodec<S> codec() { return inner.codec(); }
    @Override public S canonical(S state) { return inner.canonical(state); }
    @Override public Set<Integer> exchangedActors() { return inner.exchangedActors(); }
    @Override public boolean exchangedEnablednessIsLocal() { return inner.exchangedEnablednessIsLocal(); }
    @Override public S merged(S state) { return inner.merged(state); }
    @Override public void settle(S state, SuccessorSink<S, A> sink) { inner.settle(state, sink); }
    @Override public Independence<S, A> independence() { return por ? inner.independence() : null; }

    @Override
    public boolean encodedSuccessors(long[] state, int offset, boolean canonical, EncodedSink sink) {
        return inner.encodedSuccessors(state, offset, canonical, sink);
    }

    /** Uncounted, as inner's; its forms watch every property (below). */
    @Override
    public boolean encodedReplaySuccessors(long[] state, int offset, boolean canonical, long open, EncodedSink sink) {
        return inner.encodedReplaySuccessors(state, offset, canonical, -1L, sink);
    }

    // its invariants are not inner's: its forms are inner's that watch every property (no open mask is
    // passed on: the defaults of canonical(S, long) and encodedSuccessors(.., long, ..) call these)


    /** The actors are the actions', whatever the properties (its liveness differs: no encodedGoal of inner's). */
    @Override
    public boolean encodedActors() {
        return inner.encodedActors();
    }

    /** The units are the actions', whatever the properties (its invariants differ: no encodedHolds of inner's). */
    @Override
    public boolean encodedUnits() {
        return por && inner.encodedUnits();
    }
}
