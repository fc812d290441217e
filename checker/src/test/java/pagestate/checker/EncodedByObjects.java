package pagestate.checker;

import java.util.List;
import java.util.Set;

/**
 * A system as it is, that also gives its successors on encoded words, with their actors, and tells its
 * liveness goals there, both by decoding the words and working on objects: a system with every fast path a
 * liveness pass may take ({@link GraphExploration.Encoded}), correct by construction, for tests comparing
 * that path with the one on state objects. Its encoding is three words a state (the inner encoding's first
 * word, its complement and its rotation), so that a state's offset matters.
 */
class EncodedByObjects<S, A> implements TransitionSystem<S, A> {
    private final TransitionSystem<S, A> inner;
    private final StateCodec<S> codec;

    EncodedByObjects(TransitionSystem<S, A> inner) {
        this.inner = inner;
        StateCodec<S> one = inner.codec();
        if (one.words() != 1) throw new IllegalArgumentException("a system of one word a state");
        this.codec = new StateCodec<>() {
            @Override public int words() { return 3; }

            @Override
            public void encode(S state, long[] out, int offset) {
                one.encode(state, out, offset);
                long w = out[offset];
                out[offset + 1] = ~w;
                out[offset + 2] = Long.rotateLeft(w, 17);
            }

            @Override public S decode(long[] in, int offset) { return one.decode(in, offset); }
        };
    }

    @Override
    public boolean encodedSuccessors(long[] state, int offset, boolean canonical, EncodedSink sink) {
        return encodedSuccessors(state, offset, canonical, -1L, sink);
    }

    @Override
    public boolean encodedSuccessors(long[] state, int offset, boolean canonical, long open, EncodedSink sink) {
        inner.successors(codec.decode(state, offset), (action, next) -> {
            codec.encode(canonical ? inner.canonical(next, open) : next, sink.buffer(), 0);
            sink.accept(0, inner.actorOf(action));
        });
        return true;
    }

    @Override public boolean encodedActors() { return true; }

    @Override
    public int encodedGoal(int property, long[] state, int offset) {
        return inner.liveness().get(property).goal().test(codec.decode(state, offset)) ? 1 : 0;
    }

    @Override public List<S> initialStates() { return inner.initialStates(); }
    @Override public void successors(S state, SuccessorSink<S, A> sink) { inner.successors(state, sink); }
    @Override public int actorOf(A action) { return inner.actorOf(action); }
    @Override public List<String> actorNames() { return inner.actorNames(); }
    @Override public List<Invariant<S>> invariants() { return inner.invariants(); }
    @Override public List<Eventually<S>> liveness() { return inner.liveness(); }
    @Override public boolean isTerminal(S state) { return inner.isTerminal(state); }
    @Override public StateCodec<S> codec() { return codec; }
    @Override public S canonical(S state) { return inner.canonical(state); }
    @Override public S canonical(S state, long open) { return inner.canonical(state, open); }
    @Override public long formInvariants() { return inner.formInvariants(); }
    @Override public Set<Integer> exchangedActors() { return inner.exchangedActors(); }
    @Override public boolean exchangedEnablednessIsLocal() { return inner.exchangedEnablednessIsLocal(); }
    @Override public S merged(S state) { return inner.merged(state); }
    @Override public S merged(S state, long open) { return inner.merged(state, open); }
    @Override public void settle(S state, SuccessorSink<S, A> sink) { inner.settle(state, sink); }
    @Override public Independence<S, A> independence() { return inner.independence(); }
}
