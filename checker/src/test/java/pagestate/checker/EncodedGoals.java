package pagestate.checker;

import java.util.List;

/**
 * A system as it is, that also tells its liveness goals on encoded words ({@link TransitionSystem#encodedGoal},
 * here by decoding them): with it the safety search records the graph liveness then works on
 * ({@link EdgeRecording}); without it liveness explores the graph again. Tests compare the two.
 */
final class EncodedGoals<S, A> extends DelegatingSystem<S, A> {
    private final List<Eventually<S>> liveness;

    EncodedGoals(TransitionSystem<S, A> inner) {
        super(inner);
        this.liveness = inner.liveness();
    }

    @Override
    public int encodedGoal(int property, long[] state, int offset) {
        return liveness.get(property).goal().test(inner.codec().decode(state, offset)) ? 1 : 0;
    }
}
