package pagestate.checker;

import java.util.List;

/**
 * A counterexample: an initial state and the steps from it. For a liveness violation that is a lasso,
 * {@code loopStart} is the index into {@code steps} where the cycle begins (the cycle returns to the
 * state before that step); -1 for a finite path (an invariant violation or a path to a dead end).
 */
public record Trace<S, A>(S initial, List<Step<S, A>> steps, int loopStart) {

    public record Step<S, A>(A action, S state) { }

    public Trace {
        steps = List.copyOf(steps);
    }

    public int length() {
        return steps.size();
    }

    public S last() {
        return steps.isEmpty() ? initial : steps.get(steps.size() - 1).state();
    }

    public boolean isLasso() {
        return loopStart >= 0;
    }
}
