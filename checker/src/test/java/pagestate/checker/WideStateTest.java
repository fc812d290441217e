package pagestate.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Action indices above 255 are stored (chunks widen to char) and replayed. */
class WideStateTest {

    /** From 0: 300 successors 1..300; from k > 0: one successor 1000 + k. Invariant: not 1299. */
    static final class Fan implements TransitionSystem<Integer, Integer> {
        @Override public List<Integer> initialStates() { return List.of(0); }
        @Override public void successors(Integer s, SuccessorSink<Integer, Integer> sink) {
            if (s == 0) for (int k = 1; k <= 300; k++) sink.accept(k, k);
            else if (s < 1000) sink.accept(-s, 1000 + s);
        }
        @Override public int actorOf(Integer a) { return 0; }
        @Override public List<String> actorNames() { return List.of("a"); }
        @Override public List<Invariant<Integer>> invariants() {
            return List.of(Invariant.of("not_1299", s -> s != 1299), Invariant.of("not_300", s -> s != 300));
        }
        @Override public boolean isTerminal(Integer s) { return s >= 1000; }
        @Override public StateCodec<Integer> codec() {
            return new StateCodec<>() {
                @Override public int words() { return 1; }
                @Override public void encode(Integer s, long[] out, int o) { out[o] = s; }
                @Override public Integer decode(long[] in, int o) { return (int) in[o]; }
            };
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void wideActionIndicesReplay(int threads) {
        CheckResult<Integer, Integer> r = Checker.check(new Fan(), CheckerConfig.defaults().withThreads(threads));
        assertEquals(601, r.stats().distinctStates());
        assertEquals(List.of(299, -299), r.property("not_1299").orElseThrow().trace().steps().stream().map(Trace.Step::action).toList());
        assertEquals(List.of(300), r.property("not_300").orElseThrow().trace().steps().stream().map(Trace.Step::action).toList());
        assertEquals(Verdict.HOLDS, r.property("no_deadlock").orElseThrow().verdict());
    }
}
