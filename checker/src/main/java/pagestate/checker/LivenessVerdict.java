package pagestate.checker;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Checks one liveness property in its own explicit pass and verifies the reported path or lasso.
 *
 * <p>With reductions on, the pass stores reduced forms: the canonical form ({@link TransitionSystem#canonical})
 * when the symmetry exchanges none of the property's fair actors, else the actor-preserving merged form
 * ({@link TransitionSystem#merged}). Both keep each fair actor's steps and enabledness, so a fair cycle or
 * dead end exists in the reduced graph exactly when one exists in the real one. A violation is lifted to a
 * real lasso or dead end and verified; should lifting fail, the property is checked again unreduced.
 */
final class LivenessVerdict<S, A> {

    private static final int MAX_LAPS = 1000;

    private final TransitionSystem<S, A> system;
    private final Replayer<S, A> replayer;
    private final boolean reduce;

    LivenessVerdict(TransitionSystem<S, A> system, Replayer<S, A> replayer) {
        this(system, replayer, false);
    }

    /** @param reduce whether to store canonical or merged forms (the run's symmetry switch) */
    LivenessVerdict(TransitionSystem<S, A> system, Replayer<S, A> replayer, boolean reduce) {
        this.system = system;
        this.replayer = replayer;
        this.reduce = reduce;
    }

    /** The form the pass for {@code property} stores, or null for states as they are. */
    UnaryOperator<S> form(Eventually<S> property) {
        if (!reduce) return null;
        boolean exchanged = property.fairActors().stream().anyMatch(system.exchangedActors()::contains);
        return exchanged ? system::merged : system::canonical;
    }

    PropertyResult<S, A> check(Eventually<S> property, RunLimits limits) {
        UnaryOperator<S> form = form(property);
        if (form == null) return check(property, limits, null, replayer);
        PropertyResult<S, A> r = check(property, limits, form, new Replayer<>(system, form));
        if (r != null) return r;
        PropertyResult<S, A> u = check(property, limits, null, replayer);
        return new PropertyResult<>(u.name(), u.kind(), u.verdict(), u.trace(), u.cause() + " " + UNLIFTED);
    }

    /** Appended to the cause when a reduced violation could not be lifted and the pass ran again unreduced. */
    static final String UNLIFTED = "[checked unreduced: the reduced counterexample could not be lifted]";

    /** The verdict over the given form; null when a reduced violation could not be lifted. */
    private PropertyResult<S, A> check(Eventually<S> property, RunLimits limits, UnaryOperator<S> form,
                                       Replayer<S, A> lifter) {
        ExplicitGraph<S, A> graph = new ExplicitGraph<>();
        boolean complete;
        try {
            complete = graph.build(system, property.goal(), limits, form == null ? UnaryOperator.identity() : form);
        } catch (OutOfMemoryError e) {
            limits.stopForMemory();
            complete = false;
        }
        LivenessSearch.Violation v = complete ? new LivenessSearch<>(graph, property).find() : null;
        if (v == null) {
            return complete
                    ? new PropertyResult<>(property.name(), PropertyResult.Kind.LIVENESS, Verdict.HOLDS, null,
                            "holds on every fair path (" + graph.size() + " goal-false states)")
                    : new PropertyResult<>(property.name(), PropertyResult.Kind.LIVENESS, Verdict.UNKNOWN, null,
                            "exploration stopped: " + limits.stopReason());
        }
        Trace<S, A> trace = lifter.replayLiveness(v.initialPosition(), v.actions(), v.loopStart(), MAX_LAPS);
        if (trace == null) {
            if (form == null) throw new IllegalStateException("replay failed for " + property.name());
            return null;
        }
        if (form != null && !valid(property, trace)) return null;
        verify(property, trace);
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
