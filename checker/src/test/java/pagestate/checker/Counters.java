package pagestate.checker;

import java.util.ArrayList;
import java.util.List;

/**
 * Two counters: x in 0..3 and y in 0..2, actions incX and incY while below the bound. Exactly 12
 * states, 17 transitions, depth 5; (3,2) is the only dead end; "x + y < 4" fails first at (3,1).
 */
final class Counters implements TransitionSystem<Counters.XY, String> {

    record XY(int x, int y) { }

    private final boolean finalIsTerminal;
    private final List<Eventually<XY>> liveness = new ArrayList<>();

    Counters(boolean finalIsTerminal) {
        this.finalIsTerminal = finalIsTerminal;
    }

    Counters withLiveness(Eventually<XY> e) {
        liveness.add(e);
        return this;
    }

    @Override
    public List<XY> initialStates() {
        return List.of(new XY(0, 0));
    }

    @Override
    public void successors(XY s, SuccessorSink<XY, String> sink) {
        if (s.x() < 3) sink.accept("incX", new XY(s.x() + 1, s.y()));
        if (s.y() < 2) sink.accept("incY", new XY(s.x(), s.y() + 1));
    }

    @Override
    public int actorOf(String action) {
        return action.equals("incX") ? 0 : 1;
    }

    @Override
    public List<String> actorNames() {
        return List.of("x", "y");
    }

    @Override
    public List<Invariant<XY>> invariants() {
        return List.of(
                Invariant.of("sum_below_4", s -> s.x() + s.y() < 4),
                Invariant.of("x_at_most_3", s -> s.x() <= 3));
    }

    @Override
    public List<Eventually<XY>> liveness() {
        return liveness;
    }

    @Override
    public boolean isTerminal(XY s) {
        return finalIsTerminal && s.x() == 3 && s.y() == 2;
    }

    @Override
    public StateCodec<XY> codec() {
        return new StateCodec<>() {
            @Override public int words() { return 2; }
            @Override public void encode(XY s, long[] out, int o) { out[o] = s.x(); out[o + 1] = s.y(); }
            @Override public XY decode(long[] in, int o) { return new XY((int) in[o], (int) in[o + 1]); }
        };
    }
}
