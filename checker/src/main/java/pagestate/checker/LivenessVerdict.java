package pagestate.checker;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Checks one liveness property in an explicit pass (its first one possibly over a graph shared with other
 * properties, see {@link ExplicitGraph#restrict}) and verifies the reported path or lasso.
 *
 * <p>With reductions on, the pass stores reduced forms: the canonical form ({@link TransitionSystem#canonical})
 * when the symmetry exchanges none of the property's fair actors, else the actor-preserving merged form
 * ({@link TransitionSystem#merged}). Both keep each fair actor's steps and enabledness, so a fair cycle or
 * dead end exists in the reduced graph exactly when one exists in the real one. A violation is lifted to a
 * real lasso or dead end and verified; should lifting fail, the property is checked again unreduced.
 *
 * <p>The canonical form also serves a property whose fair actors the symmetry exchanges when the system
 * declares {@link TransitionSystem#exchangedEnablednessIsLocal}, every exchanged actor is fair (so the
 * symmetry maps fair actors to fair actors), and the reduced graph shows no exchanged
 * actor's step on a cycle. Then no real cycle has such a step either (its image would be one), so on a real
 * cycle each exchanged actor is enabled throughout or disabled throughout, and as many of them are enabled
 * in every state of it; a reduced component where some exchanged position is enabled in every state thus
 * has, in every real cycle over it, a real exchanged actor enabled throughout that never steps: unfair, as
 * the search judges it. A component the search judges fair is lifted and verified like any other; when
 * the condition fails, or lifting does, the merged form is used instead.
 */
final class LivenessVerdict<S, A> {

    private static final int MAX_LAPS = 1000;

    /** The form a property's first pass stores (see the class comment). */
    enum Form { AS_IS, CANONICAL, MERGED }

    private final TransitionSystem<S, A> system;
    private final Replayer<S, A> replayer;
    private final boolean reduce;
    private final Workers workers;
    private final long open;

    /**
     * @param reduce  whether to store canonical or merged forms (the run's symmetry switch)
     * @param workers build the graphs (see {@link ExplicitGraph#build})
     * @param open    the invariants the forms keep apart ({@link TransitionSystem#canonical(Object, long)}):
     *                none suffices for liveness; every one over the safety search's recorded graph
     */
    LivenessVerdict(TransitionSystem<S, A> system, Replayer<S, A> replayer, boolean reduce, Workers workers, long open) {
        this.system = system;
        this.replayer = replayer;
        this.reduce = reduce;
        this.workers = workers;
        this.open = open;
    }

    /** The form of the property's first pass; properties with the same one may share a graph. */
    Form firstForm(Eventually<S> property) {
        if (!reduce) return Form.AS_IS;
        Set<Integer> exchanged = exchanged(property);
        boolean allExchangedFair = property.fairActors().containsAll(system.exchangedActors());
        if (exchanged.isEmpty() || system.exchangedEnablednessIsLocal() && allExchangedFair) return Form.CANONICAL;
        return Form.MERGED;
    }

    /** The states a pass of the given form stores for a state. */
    UnaryOperator<S> operator(Form form) {
        return switch (form) {
            case AS_IS -> UnaryOperator.identity();
            case CANONICAL -> s -> system.canonical(s, open);
            case MERGED -> s -> system.merged(s, open);
        };
    }

    /**
     * How a pass of {@code form} over the goals of liveness properties {@code properties} may expand on
     * encoded words ({@link GraphExploration.Encoded}); null for the merged form, given on objects only.
     */
    GraphExploration.Encoded encoded(Form form, int... properties) {
        return switch (form) {
            case AS_IS -> new GraphExploration.Encoded(false, open, properties);
            case CANONICAL -> new GraphExploration.Encoded(true, open, properties);
            case MERGED -> null;
        };
    }

    /** {@link #encoded(Form, int...)} for one property's pass (null when it is none of the system's). */
    private GraphExploration.Encoded encoded(Form form, Eventually<S> property) {
        int i = system.liveness().indexOf(property);
        return i < 0 ? null : encoded(form, i);
    }

    private Set<Integer> exchanged(Eventually<S> property) {
        Set<Integer> exchanged = new TreeSet<>(property.fairActors());
        exchanged.retainAll(system.exchangedActors());
        return exchanged;
    }

    /** Checks the property in passes of its own. */
    PropertyResult<S, A> check(Eventually<S> property, RunLimits limits) {
        return check(property, limits, null);
    }

    /**
     * Checks the property; {@code first}, when not null, is its complete graph over its {@link #firstForm}
     * (restricted from a shared build), used instead of building one. The later passes, if any, build their own.
     */
    PropertyResult<S, A> check(Eventually<S> property, RunLimits limits, ExplicitGraph<S, A> first) {
        Form form = firstForm(property);
        if (form == Form.AS_IS) {
            return check(property, limits, null, encoded(Form.AS_IS, property), replayer, Set.of(), first);
        }
        Set<Integer> exchanged = exchanged(property);
        PropertyResult<S, A> r = null;
        if (form == Form.CANONICAL) {
            UnaryOperator<S> canonical = operator(Form.CANONICAL);
            r = check(property, limits, canonical, encoded(Form.CANONICAL, property), new Replayer<>(system, canonical),
                    exchanged, first);
        }
        if (r == null && !exchanged.isEmpty()) {
            UnaryOperator<S> merged = operator(Form.MERGED);
            r = check(property, limits, merged, null, new Replayer<>(system, merged), Set.of(),
                    form == Form.MERGED ? first : null);
        }
        if (r != null) return r;
        PropertyResult<S, A> u = check(property, limits, null, encoded(Form.AS_IS, property), replayer, Set.of(), null);
        return new PropertyResult<>(u.name(), u.kind(), u.verdict(), u.trace(), u.cause() + " " + UNLIFTED);
    }

    /** The result of a property whose exploration a limit stopped. */
    private static <S, A> PropertyResult<S, A> stopped(Eventually<S> property, RunLimits limits) {
        return new PropertyResult<>(property.name(), PropertyResult.Kind.LIVENESS, Verdict.UNKNOWN, null,
                "exploration stopped: " + limits.stopReason());
    }

    /** Appended to the cause when a reduced violation could not be lifted and the pass ran again unreduced. */
    static final String UNLIFTED = "[checked unreduced: the reduced counterexample could not be lifted]";

    /**
     * The verdict over the given form ({@code encoded}: the same on encoded words, or null); null when a
     * reduced violation could not be lifted, or when an actor in {@code noCycles} steps on a cycle of the
     * reduced graph.
     */
    private PropertyResult<S, A> check(Eventually<S> property, RunLimits limits, UnaryOperator<S> form,
                                       GraphExploration.Encoded encoded, Replayer<S, A> lifter, Set<Integer> noCycles,
                                       ExplicitGraph<S, A> built) {
        ExplicitGraph<S, A> graph = built != null ? built : new ExplicitGraph<>();
        boolean complete = built != null;
        if (built == null) {
            try {
                complete = graph.build(system, List.of(property.goal()), limits,
                        form == null ? UnaryOperator.identity() : form, workers, encoded);
            } catch (OutOfMemoryError e) {
                limits.stopForMemory();
                complete = false;
            }
        }
        LivenessSearch<S, A> search = complete ? graph.search(property) : null;
        if (search != null && !noCycles.isEmpty() && search.stepsOnCycles(noCycles)) return null;
        LivenessSearch.Violation v = search != null ? search.find() : null;
        if (v == null) {
            return complete
                    ? new PropertyResult<>(property.name(), PropertyResult.Kind.LIVENESS, Verdict.HOLDS, null,
                            "holds on every fair path (" + graph.size() + " goal-false states)")
                    : stopped(property, limits);
        }
        // a lifted path to a dead end keeps only the steps it needs to remain a counterexample
        Trace<S, A> trace = lifter.replayLiveness(v.initialPosition(), v.actions(), v.loopStart(), MAX_LAPS,
                path -> valid(property, path));
        if (trace == null) {
            if (form == null) throw new IllegalStateException("replay failed for " + property.name());
            return null;
        }
        if (form == null) verify(property, trace);
        else if (!valid(property, trace)) return null;     // valid() verifies it: a reduced lift may fail
        S shown = trace.isLasso() ? Replayer.stateBefore(trace, trace.loopStart()) : trace.last();
        return new PropertyResult<>(property.name(), PropertyResult.Kind.LIVENESS, Verdict.VIOLATED, trace,
                property.cause().apply(shown));
    }

    private boolean valid(Eventually<S> property, Trace<S, A> trace) {
        try {
            verify(property, trace);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private void verify(Eventually<S> property, Trace<S, A> t) {
        String name = property.name();
        Replayer.require(!property.goal().test(t.initial()), name + ": goal holds initially");
        for (Trace.Step<S, A> step : t.steps()) {
            Replayer.require(!property.goal().test(step.state()), name + ": goal holds on the path");
        }
        if (!t.isLasso()) {
            Replayer.require(replayer.successors(t.last()).isEmpty(), name + ": path does not end in a dead end");
            return;
        }
        Replayer.require(t.loopStart() < t.length(), name + ": empty cycle");
        Replayer.require(replayer.sameState(Replayer.stateBefore(t, t.loopStart()), t.last()), name + ": lasso does not close");
        for (int actor : property.fairActors()) {
            boolean fair = false;
            for (int i = t.loopStart(); i < t.length() && !fair; i++) {
                fair = system.actorOf(t.steps().get(i).action()) == actor || disabled(Replayer.stateBefore(t, i), actor);
            }
            Replayer.require(fair, name + ": cycle is unfair to actor " + actor);
        }
    }

    private boolean disabled(S state, int actor) {
        List<Replayer.Edge<S, A>> edges = replayer.successors(state);
        return edges.stream().noneMatch(e -> system.actorOf(e.action()) == actor);
    }
}
