package pagestate.checker;

import java.util.List;
import java.util.Set;

/**
 * A system as it is, that also tells its liveness goals on encoded words ({@link TransitionSystem#encodedGoal},
 * here by decoding them): with it the safety search records the graph liveness then works on
 * ({@link EdgeRecording}); without it liveness explores the graph again. Tests compare the two.
 */
final class EncodedGoals<S, A> implements TransitionSystem<S, A> {
    private final TransitionSystem<S, A> inner;
    private final List<Eventually<S>> liveness;

    EncodedGoals(TransitionSystem<S, A> inner) {
        this.inner = inner;
        this.liveness = inner.liveness();
    }

    @Override
    public int encodedGoal(int property, long[] state, int offset) {
        return liveness.get(property).goal().test(inner.codec().decode(state, offset)) ? 1 : 0;
    }

    @Override public List<S> initialStates() { return inner.initialStates(); }
    @Override public void successors(S state, SuccessorSink<S, A> sink) { inner.successors(state, sink); }
    @Override public int actorOf(A action) { return inner.actorOf(action); }
    @Override public List<String> actorNames() { return inner.actorNames(); }
    @Override public List<Invariant<S>> invariants() { return inner.invariants(); }
    @Override public List<Eventually<S>> liveness() { return liveness; }
    @Override public boolean isTerminal(S state) { return inner.isTerminal(state); }
    @Override public StateCodec<S> codec() { return inner.codec(); }
    @Override public S canonical(S state) { return inner.canonical(state); }
    @Override public Set<Integer> exchangedActors() { return inner.exchangedActors(); }
    @Override public boolean exchangedEnablednessIsLocal() { return inner.exchangedEnablednessIsLocal(); }
    @Override public S merged(S state) { return inner.merged(state); }
    @Override public void settle(S state, SuccessorSink<S, A> sink) { inner.settle(state, sink); }
    @Override public Independence<S, A> independence() { return inner.independence(); }
    @Override public boolean encodedSuccessors(long[] state, int offset, boolean canonical, EncodedSink sink) {
        return inner.encodedSuccessors(state, offset, canonical, sink);
    }
    @Override public int encodedHolds(int invariant, long[] state, int offset) { return inner.encodedHolds(invariant, state, offset); }
    @Override public boolean encodedUnits() { return inner.encodedUnits(); }
    @Override public boolean encodedActors() { return inner.encodedActors(); }
}
