package pagestate.checker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Rebuilds traces from action indices by re-running {@code successors} from an initial state, and
 * checks what a counterexample claims before it is reported.
 */
final class Replayer<S, A> {

    /** One enabled transition. */
    record Edge<S, A>(A action, S next) { }

    private final TransitionSystem<S, A> system;
    private final StateCodec<S> codec;
    private final UnaryOperator<S> form;
    /** The form of the states a step leads to, by the step's position (its BFS level): {@link #form} when constant. */
    private final java.util.function.IntFunction<UnaryOperator<S>> formAt;

    /**
     * @param form the form the search stored states in ({@link TransitionSystem#canonical},
     *             {@link TransitionSystem#merged}), or null when it stored them as they are
     */
    Replayer(TransitionSystem<S, A> system, UnaryOperator<S> form) {
        this.system = system;
        this.codec = system.codec();
        this.form = form;
        this.formAt = k -> form;
    }

    /**
     * A replayer of safety traces found by a search whose forms narrowed level by level: the states of level
     * 0 stored as {@link TransitionSystem#canonical(Object, long)} with every invariant open, the successors
     * of level k with {@code opens[k]} (every invariant open past the last).
     */
    Replayer(TransitionSystem<S, A> system, long[] opens) {
        this.system = system;
        this.codec = system.codec();
        this.form = s -> system.canonical(s, -1L);
        this.formAt = k -> {
            long open = k < opens.length ? opens[k] : -1L;
            return s -> system.canonical(s, open);
        };
    }

    /**
     * @param symmetry whether the search stored canonical forms, every invariant open
     *                 ({@link TransitionSystem#canonical(Object, long)})
     */
    Replayer(TransitionSystem<S, A> system, boolean symmetry) {
        this(system, symmetry ? s -> system.canonical(s, -1L) : null);
    }

    Replayer(TransitionSystem<S, A> system) {
        this(system, (UnaryOperator<S>) null);
    }

    List<Edge<S, A>> successors(S state) {
        List<Edge<S, A>> out = new ArrayList<>();
        system.replaySuccessors(state, (a, n) -> out.add(new Edge<>(a, n)));
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
     * When the search stored states in a reduced form the indices are those of the stored forms: the trace
     * starts from the real initial state and at each step takes a real successor with the recorded form
     * (the same action index when it fits, else the first that does), so it is a path of the unreduced system.
     * Then steps are dropped where {@code keep} (what the counterexample shows of its last state) still
     * holds without them ({@link #minimize}), and the path ends at its first state where {@code keep} holds.
     */
    Trace<S, A> replay(int[] path, java.util.function.Predicate<S> keep) {
        if (form == null) return replay(path[0], Arrays.copyOfRange(path, 1, path.length), -1);
        Lift lift = new Lift(path[0]);
        for (int k = 1; k < path.length; k++) lift.step(path[k]);
        if (!keep.test(lift.real)) lift.settle();   // the violation may be in the settled state
        Trace<S, A> t = new Trace<>(lift.initial, lift.steps, -1);
        return shortest(minimize(t, p -> keep.test(p.last())), keep);
    }

    /** The shortest prefix of {@code t} whose last state satisfies {@code keep} (pruning may bring it forward). */
    private static <S, A> Trace<S, A> shortest(Trace<S, A> t, java.util.function.Predicate<S> keep) {
        for (int i = 0; i <= t.length(); i++) {
            if (keep.test(stateBefore(t, i))) return new Trace<>(t.initial(), t.steps().subList(0, i), -1);
        }
        return t;
    }

    /**
     * A liveness counterexample found over stored forms, lifted to the unreduced system. For a lasso the
     * recorded cycle is followed again and again (a reduced cycle may end in another state of the same
     * form: a permutation of it, or one with detail the form merges) until a real state recurs at the
     * start of a lap; that lap sequence is the real cycle. For a path to a dead end the real path continues
     * from the last state through its successors (which all have the dead end's form: merged detail) until
     * a real dead end, and then drops the steps without which {@code keepPath} (what the counterexample must
     * remain: a goal-false path to a dead end) still holds ({@link #minimize}). Returns null when no such
     * lifting exists within {@code maxLaps} laps or steps.
     */
    Trace<S, A> replayLiveness(int initialPosition, int[] actions, int loopStart, int maxLaps,
                               java.util.function.Predicate<Trace<S, A>> keepPath) {
        if (form == null) return replay(initialPosition, actions, loopStart);
        try {
            Lift lift = new Lift(initialPosition);
            int prefix = loopStart >= 0 ? loopStart : actions.length;
            for (int k = 0; k < prefix; k++) lift.step(actions[k]);
            if (loopStart < 0) {
                for (int n = 0; n < maxLaps; n++) {
                    List<Edge<S, A>> next = successors(lift.real);
                    if (next.isEmpty()) {
                        return minimize(new Trace<>(lift.initial, lift.steps, -1), keepPath);
                    }
                    if (!sameState(form.apply(next.get(0).next()), lift.canon)) return null;
                    lift.steps.add(new Trace.Step<>(next.get(0).action(), next.get(0).next()));
                    lift.real = next.get(0).next();
                }
                return null;
            }
            S cycleForm = lift.canon;
            List<S> lapStarts = new ArrayList<>();
            List<Integer> lapIndex = new ArrayList<>();
            for (int lap = 0; lap <= maxLaps; lap++) {
                for (int i = 0; i < lapStarts.size(); i++) {
                    if (sameState(lapStarts.get(i), lift.real)) {
                        return new Trace<>(lift.initial, lift.steps, lapIndex.get(i));
                    }
                }
                lapStarts.add(lift.real);
                lapIndex.add(lift.steps.size());
                lift.canon = cycleForm;
                for (int k = loopStart; k < actions.length; k++) lift.step(actions[k]);
                if (!sameState(lift.canon, cycleForm)) return null;
            }
            return null;
        } catch (IllegalStateException e) {
            return null;
        }
    }

    /** A real path kept in step with a path over stored forms. */
    private final class Lift {
        final S initial;
        final List<Trace.Step<S, A>> steps = new ArrayList<>();
        S real;
        S canon;

        /** The steps taken over stored forms so far: the level of {@link #canon}. */
        int level;

        Lift(int initialPosition) {
            real = system.initialStates().get(initialPosition);
            initial = real;
            canon = form.apply(real);
        }

        void step(int a) {
            List<Edge<S, A>> recorded = successors(canon);
            if (a >= recorded.size()) {
                throw new IllegalStateException("replay failed: action index " + a + " of " + recorded.size()
                        + " successors of a stored state (successors() is not deterministic?)");
            }
            UnaryOperator<S> f = formAt.apply(level++);
            S target = f.apply(recorded.get(a).next());
            Edge<S, A> e = realStep(successors(real), a, target, f);
            if (e == null) {
                settle();
                e = realStep(successors(real), a, target, f);
            }
            if (e == null) {
                throw new IllegalStateException("replay failed: no real successor has the recorded canonical form"
                        + " (canonical() is not a symmetry of the system?)");
            }
            steps.add(new Trace.Step<>(e.action(), e.next()));
            real = e.next();
            canon = target;
        }

        /** Takes the hidden steps the stored form assumes ({@link TransitionSystem#settle}). */
        void settle() {
            system.settle(real, (action, next) -> {
                steps.add(new Trace.Step<>(action, next));
                real = next;
            });
        }
    }

    private Edge<S, A> realStep(List<Edge<S, A>> real, int preferred, S target, UnaryOperator<S> f) {
        if (preferred < real.size() && sameState(f.apply(real.get(preferred).next()), target)) {
            return real.get(preferred);
        }
        for (Edge<S, A> e : real) {
            if (sameState(f.apply(e.next()), target)) return e;
        }
        return null;
    }

    /**
     * Drops steps from {@code t} (a finite path) while {@code keep} still holds of the path without them:
     * each later step is re-taken as the enabled action of the same actor with the same text. Latest
     * first, pass after pass until none can go (removing a hidden fill can let an earlier drop of a flush
     * succeed); then pairs of steps, for a step that only another needs (a TLB fill and the eviction
     * that empties the entry again), up to {@link #PAIRED} steps. A path over stored forms may take steps
     * that no real path needs: the hidden fills, and steps that only a state with those fills needs.
     * Deterministic; it never lengthens the path.
     */
    private Trace<S, A> minimize(Trace<S, A> t, java.util.function.Predicate<Trace<S, A>> keep) {
        Trace<S, A> best = dropSingles(t, keep);
        for (Trace<S, A> shorter = dropPair(best, keep); shorter != null; shorter = dropPair(best, keep)) {
            best = dropSingles(shorter, keep);
        }
        return best;
    }

    /** Paths longer than this are not tried without pairs of steps (the pairs are quadratic in the length). */
    static final int PAIRED = 40;

    private Trace<S, A> dropSingles(Trace<S, A> t, java.util.function.Predicate<Trace<S, A>> keep) {
        Trace<S, A> best = t;
        boolean dropped = true;
        while (dropped) {
            dropped = false;
            for (int at = best.length() - 1; at >= 0; at--) {
                Trace<S, A> replayed = follow(best.initial(), without(best, at, -1));
                if (replayed != null && keep.test(replayed)) {
                    best = replayed;   // the steps before {@code at} keep their indices
                    dropped = true;
                }
            }
        }
        return best;
    }

    /** {@code t} without two of its steps where {@code keep} still holds (latest pair first), or null. */
    private Trace<S, A> dropPair(Trace<S, A> t, java.util.function.Predicate<Trace<S, A>> keep) {
        if (t.length() > PAIRED) return null;
        for (int later = t.length() - 1; later >= 1; later--) {
            for (int earlier = later - 1; earlier >= 0; earlier--) {
                Trace<S, A> replayed = follow(t.initial(), without(t, earlier, later));
                if (replayed != null && keep.test(replayed)) return replayed;
            }
        }
        return null;
    }

    /** The actions of {@code t} without its steps {@code a} and {@code b} (-1: none). */
    private static <S, A> List<A> without(Trace<S, A> t, int a, int b) {
        List<A> actions = new ArrayList<>();
        for (int i = 0; i < t.length(); i++) {
            if (i != a && i != b) actions.add(t.steps().get(i).action());
        }
        return actions;
    }

    /** The path taking, from {@code initial}, actions equal in actor and text to the given ones; null if one is not enabled. */
    private Trace<S, A> follow(S initial, List<A> actions) {
        S state = initial;
        List<Trace.Step<S, A>> steps = new ArrayList<>();
        for (A wanted : actions) {
            Edge<S, A> found = null;
            for (Edge<S, A> e : successors(state)) {
                if (system.actorOf(e.action()) == system.actorOf(wanted) && e.action().toString().equals(wanted.toString())) {
                    found = e;
                    break;
                }
            }
            if (found == null) return null;
            steps.add(new Trace.Step<>(found.action(), found.next()));
            state = found.next();
        }
        return new Trace<>(initial, steps, -1);
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
