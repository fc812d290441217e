package pagestate.checker;

/**
 * A system as it is, that also gives its successors on encoded words, with their actors, and tells its
 * liveness goals there, both by decoding the words and working on objects: a system with every fast path a
 * liveness pass may take ({@link GraphExploration.Encoded}), correct by construction, for tests comparing
 * that path with the one on state objects. Its encoding is three words a state (the inner encoding's first
 * word, its complement and its rotation), so that a state's offset matters.
 */
class EncodedByObjects<S, A> extends DelegatingSystem<S, A> {
    private final StateCodec<S> codec;

    EncodedByObjects(TransitionSystem<S, A> inner) {
        super(inner);
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

    /** Its successors come with no partial-order units, and its invariants are told on objects only. */
    @Override public boolean encodedUnits() { return false; }

    @Override public int encodedHolds(int invariant, long[] state, int offset) { return -1; }

    @Override
    public int encodedGoal(int property, long[] state, int offset) {
        return inner.liveness().get(property).goal().test(codec.decode(state, offset)) ? 1 : 0;
    }

    @Override public StateCodec<S> codec() { return codec; }
}
