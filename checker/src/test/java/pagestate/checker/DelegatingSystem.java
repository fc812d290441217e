package pagestate.checker;

import java.util.List;
import java.util.Set;

/**
 * A system that is {@code inner} in every respect but what a subclass overrides: the base of the tests'
 * wrappers that add a fast path to a system ({@link EncodedGoals}, {@link EncodedByObjects}). The encoded
 * replay is left to its default, which asks this system's {@link #encodedSuccessors}.
 */
abstract class DelegatingSystem<S, A> implements TransitionSystem<S, A> {
    final TransitionSystem<S, A> inner;

    DelegatingSystem(TransitionSystem<S, A> inner) {
        this.inner = inner;
    }

    @Override public List<S> initialStates() { return inner.initialStates(); }
    @Override public void successors(S state, SuccessorSink<S, A> sink) { inner.successors(state, sink); }
    @Override public int actorOf(A action) { return inner.actorOf(action); }
    @Override public List<String> actorNames() { return inner.actorNames(); }
    @Override public List<Invariant<S>> invariants() { return inner.invariants(); }
    @Override public List<Eventually<S>> liveness() { return inner.liveness(); }
    @Override public boolean isTerminal(S state) { return inner.isTerminal(state); }
    @Override public StateCodec<S> codec() { return inner.codec(); }
    @Override public S canonical(S state) { return inner.canonical(state); }
    @Override public S canonical(S state, long open) { return inner.canonical(state, open); }
    @Override public long formInvariants() { return inner.formInvariants(); }
    @Override public Set<Integer> exchangedActors() { return inner.exchangedActors(); }
    @Override public boolean exchangedEnablednessIsLocal() { return inner.exchangedEnablednessIsLocal(); }
    @Override public S merged(S state) { return inner.merged(state); }
    @Override public S merged(S state, long open) { return inner.merged(state, open); }
    @Override public void settle(S state, SuccessorSink<S, A> sink) { inner.settle(state, sink); }
    @Override public Independence<S, A> independence() { return inner.independence(); }
    @Override public boolean encodedSuccessors(long[] state, int offset, boolean canonical, EncodedSink sink) {
        return inner.encodedSuccessors(state, offset, canonical, sink);
    }
    @Override public int encodedHolds(int invariant, long[] state, int offset) { return inner.encodedHolds(invariant, state, offset); }
    @Override public boolean encodedUnits() { return inner.encodedUnits(); }
    @Override public boolean encodedActors() { return inner.encodedActors(); }
}
