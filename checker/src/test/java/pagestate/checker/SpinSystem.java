package pagestate.checker;

import java.util.List;
import java.util.Set;

/**
 * State 0 = waiting, 1 = done. Actor "spinner" loops on waiting forever; actor "worker" moves
 * waiting to done. "eventually done" fails without fairness (spin forever) and holds when the
 * worker is weakly fair.
 */
final class SpinSystem implements TransitionSystem<Integer, String> {

    private final Set<Integer> fair;

    SpinSystem(Set<Integer> fair) {
        this.fair = fair;
    }

    @Override public List<Integer> initialStates() { return List.of(0); }

    @Override
    public void successors(Integer s, SuccessorSink<Integer, String> sink) {
        if (s == 0) {
            sink.accept("spin", 0);
            sink.accept("work", 1);
        }
    }

    @Override public int actorOf(String a) { return a.equals("spin") ? 0 : 1; }
    @Override public List<String> actorNames() { return List.of("spinner", "worker"); }
    @Override public List<Invariant<Integer>> invariants() { return List.of(); }
    @Override public boolean isTerminal(Integer s) { return s == 1; }

    @Override
    public List<Eventually<Integer>> liveness() {
        return List.of(new Eventually<>("done", s -> s == 1, fair, s -> "still waiting"));
    }

    @Override
    public StateCodec<Integer> codec() {
        return new StateCodec<>() {
            @Override public int words() { return 1; }
            @Override public void encode(Integer s, long[] out, int o) { out[o] = s; }
            @Override public Integer decode(long[] in, int o) { return (int) in[o]; }
        };
    }
}
