package pagestate.checker;

/** Turns the search's first violating states into verified invariant and deadlock results. */
final class SafetyVerdicts<S, A> {

    static final String DEADLOCK = "no_deadlock";

    private final TransitionSystem<S, A> system;
    private final BreadthFirstSearch<S, A> bfs;
    private final Replayer<S, A> replayer;

    SafetyVerdicts(TransitionSystem<S, A> system, BreadthFirstSearch<S, A> bfs, Replayer<S, A> replayer) {
        this.system = system;
        this.bfs = bfs;
        this.replayer = replayer;
    }

    PropertyResult<S, A> invariant(int slot, Invariant<S> inv) {
        int index = bfs.firstViolation(slot);
        if (index < 0) return undecided(inv.name(), PropertyResult.Kind.INVARIANT);
        Trace<S, A> trace = replayer.replay(bfs.store().path(index), s -> !inv.holds().test(s));
        Replayer.require(!inv.holds().test(trace.last()), inv.name() + " holds in the last state");
        return new PropertyResult<>(inv.name(), PropertyResult.Kind.INVARIANT, Verdict.VIOLATED, trace,
                inv.cause().apply(trace.last()));
    }

    PropertyResult<S, A> deadlock(int slot) {
        int index = bfs.firstViolation(slot);
        if (index < 0) return undecided(DEADLOCK, PropertyResult.Kind.DEADLOCK);
        Trace<S, A> trace = replayer.replay(bfs.store().path(index),
                s -> replayer.successors(s).isEmpty() && !system.isTerminal(s));
        S last = trace.last();
        Replayer.require(replayer.successors(last).isEmpty() && !system.isTerminal(last), "last state is not a deadlock");
        return new PropertyResult<>(DEADLOCK, PropertyResult.Kind.DEADLOCK, Verdict.VIOLATED, trace,
                "no action is enabled and the state is not terminal");
    }

    private PropertyResult<S, A> undecided(String name, PropertyResult.Kind kind) {
        return bfs.complete()
                ? new PropertyResult<>(name, kind, Verdict.HOLDS, null, "holds in all " + bfs.states() + " states")
                : new PropertyResult<>(name, kind, Verdict.UNKNOWN, null, "exploration stopped before a violation was found");
    }
}
