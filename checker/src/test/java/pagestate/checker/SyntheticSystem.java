package pagestate.checker;

import java.util.List;

/**
 * A synthetic system for determinism tests and the benchmark: a state is one long in [0, bound);
 * the successors of s are {@code fanout} arithmetic mixes of s modulo the bound, all really generated
 * (boxed, encoded and hashed by the engine; or, through {@link #encodedSuccessors}, computed straight
 * into their one-word encoding and hashed). Invariant: the state is not {@code bad}.
 */
final class SyntheticSystem implements TransitionSystem<Long, Integer> {

    private final long bound;
    private final int fanout;
    private final long bad;

    SyntheticSystem(long bound, int fanout, long bad) {
        this.bound = bound;
        this.fanout = fanout;
        this.bad = bad;
    }

    @Override public List<Long> initialStates() { return List.of(1L, 7L); }

    @Override
    public void successors(Long s, SuccessorSink<Long, Integer> sink) {
        long v = s;
        for (int i = 0; i < fanout; i++) sink.accept(i, next(v, i));
    }

    /** The same successors, encoded (one word, the value itself; no symmetry, so canonical is the identity). */
    @Override
    public boolean encodedSuccessors(long[] state, int offset, boolean canonical, EncodedSink sink) {
        long v = state[offset];
        long[] out = sink.buffer();
        for (int i = 0; i < fanout; i++) {
            out[0] = next(v, i);
            sink.accept();
        }
        return true;
    }

    private long next(long v, int i) {
        return (v * (2 * i + 3) + i * 0x9E3779B9L + (v >>> (i + 1))) % bound;
    }

    @Override public int actorOf(Integer a) { return a % 2; }
    @Override public List<String> actorNames() { return List.of("even", "odd"); }

    @Override
    public List<Invariant<Long>> invariants() {
        return List.of(Invariant.of("not_bad", s -> s != bad), Invariant.of("below_bound", s -> s < bound));
    }

    @Override
    public StateCodec<Long> codec() {
        return new StateCodec<>() {
            @Override public int words() { return 1; }
            @Override public void encode(Long s, long[] out, int o) { out[o] = s; }
            @Override public Long decode(long[] in, int o) { return in[o]; }
        };
    }
}
