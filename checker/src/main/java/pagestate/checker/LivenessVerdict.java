package pagestate.checker;

import java.util.List;

/** Checks one liveness property in its own explicit pass and verifies the reported path or lasso. */
final class LivenessVerdict<S, A> {

    private final TransitionSystem<S, A> system;
    private final Replayer<S, A> replayer;

    LivenessVerdict(TransitionSystem<S, A> system, Replayer<S, A> replayer) {
        this.system = system;
        this.replayer = replayer;
    }

    PropertyResult<S, A> check(Eventually<S> property, RunLimits limits) {
        ExplicitGraph<S, A> graph = new ExplicitGraph<>();
        boolean complete;
        try {
            complete = graph.build(system, property.goal(), limits);
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
        Trace<S, A> trace = replayer.replay(v.initialPosition(), v.actions(), v.loopStart());
        verify(property, trace);
        S shown = trace.isLasso() ? Replayer.stateBefore(trace, trace.loopStart()) : trace.last();
        return new PropertyResult<>(property.name(), PropertyResult.Kind.LIVENESS, Verdict.VIOLATED, trace,
                property.cause().apply(shown));
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
