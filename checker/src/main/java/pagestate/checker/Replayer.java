package pagestate.checker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rebuilds traces from action indices by re-running {@code successors} from an initial state, and
 * checks what a counterexample claims before it is reported.
 */
final class Replayer<S, A> {

    /** One enabled transition. */
    record Edge<S, A>(A action, S next) { }

    private final TransitionSystem<S, A> system;
    private final StateCodec<S> codec;
    private final boolean symmetry;

    /** @param symmetry whether the search stored canonical forms ({@link TransitionSystem#canonical}) */
    Replayer(TransitionSystem<S, A> system, boolean symmetry) {
        this.system = system;
        this.codec = system.codec();
        this.symmetry = symmetry;
    }

    Replayer(TransitionSystem<S, A> system) {
        this(system, false);
    }

    List<Edge<S, A>> successors(S state) {
        List<Edge<S, A>> out = new ArrayList<>();
        system.successors(state, (a, n) -> out.add(new Edge<>(a, n)));
        return out;
    }

    /** The trace from initial state {@code initialPosition} taking the given action indices. */
    Trace<S, A> replay(int initialPosition, int[] actions, int loopStart) {
        S state = system.initialStates().get(initialPosition);
        S initial = state;
        List<Trace.Step<S, A>> steps = new ArrayList<>();
        for (int a : actions) {
            List<Edge<S, A>> next = successors(state);
            if (a >= next.size()) {
                throw new IllegalStateException("replay failed: action index " + a + " of " + next.size()
                        + " successors (successors() is not deterministic?)");
            }
            Edge<S, A> e = next.get(a);
            steps.add(new Trace.Step<>(e.action(), e.next()));
            state = e.next();
        }
        return new Trace<>(initial, steps, loopStart);
    }

    /**
     * A trace from a path as stored by {@link TraceStore#path}: initial position, then action indices.
     * Under symmetry the indices are those of the stored canonical states: the trace starts from the real
     * initial state and at each step takes a real successor whose canonical form is the recorded one (the
     * same action index when it fits, else the first that does), so it is a path of the unreduced system.
     */
    Trace<S, A> replay(int[] path) {
        if (!symmetry) return replay(path[0], Arrays.copyOfRange(path, 1, path.length), -1);
        S real = system.initialStates().get(path[0]);
        S initial = real;
        S canon = system.canonical(real);
        List<Trace.Step<S, A>> steps = new ArrayList<>();
        for (int k = 1; k < path.length; k++) {
            List<Edge<S, A>> recorded = successors(canon);
            int a = path[k];
            if (a >= recorded.size()) {
                throw new IllegalStateException("replay failed: action index " + a + " of " + recorded.size()
                        + " successors of a canonical state (successors() is not deterministic?)");
            }
            S target = system.canonical(recorded.get(a).next());
            Edge<S, A> step = realStep(successors(real), a, target);
            steps.add(new Trace.Step<>(step.action(), step.next()));
            real = step.next();
            canon = target;
        }
        return new Trace<>(initial, steps, -1);
    }

    private Edge<S, A> realStep(List<Edge<S, A>> real, int preferred, S target) {
        if (preferred < real.size() && sameState(system.canonical(real.get(preferred).next()), target)) {
            return real.get(preferred);
        }
        for (Edge<S, A> e : real) {
            if (sameState(system.canonical(e.next()), target)) return e;
        }
        throw new IllegalStateException("replay failed: no real successor has the recorded canonical form"
                + " (canonical() is not a symmetry of the system?)");
    }

    boolean sameState(S a, S b) {
        long[] x = new long[codec.words()];
        long[] y = new long[codec.words()];
        codec.encode(a, x, 0);
        codec.encode(b, y, 0);
        return Arrays.equals(x, y);
    }

    /** The state before step {@code i} (the initial state for 0). */
    static <S, A> S stateBefore(Trace<S, A> t, int i) {
        return i == 0 ? t.initial() : t.steps().get(i - 1).state();
    }

    static void require(boolean ok, String what) {
        if (!ok) throw new IllegalStateException("counterexample failed verification: " + what);
    }
}
