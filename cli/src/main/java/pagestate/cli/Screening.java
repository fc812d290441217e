package pagestate.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import pagestate.checker.CheckResult;
import pagestate.checker.Checker;
import pagestate.checker.CheckerConfig;
import pagestate.checker.Invariant;
import pagestate.checker.PropertyResult;
import pagestate.checker.Verdict;
import pagestate.model.ModelAction;
import pagestate.model.SystemModel;
import pagestate.specs.Spec;

/**
 * Explores one repair candidate with the normal checker, judging only the goal's properties, and stops
 * at the first reachable state that violates a property the goal needs to hold: the engine has no
 * stop-at-first-violation mode, so the invariant that fails throws {@link Stop} out of the search. That
 * verdict is the one a full exploration reaches (the engine evaluates invariants only on states it
 * reached); {@code RepairTest} compares the two on every candidate of a spec. A candidate that is not
 * stopped has had a full exploration.
 */
final class Screening {

    enum Status { MET, UNMET, UNKNOWN }

    /** The outcome: whether the goal is met, and if not, the first property found to miss it. */
    record Result(Status status, String why) { }

    private static final class Stop extends RuntimeException {
        final String property;

        Stop(String property) {
            super(property, null, false, false);
            this.property = property;
        }
    }

    private Screening() { }

    static Result screen(Spec spec, RepairGoal goal, CheckerConfig config) {
        return screen(spec.config().newModel(), goal, config);
    }

    private static <S, A extends ModelAction> Result screen(SystemModel<S, A> model, RepairGoal goal, CheckerConfig config) {
        ModelSystem<S, A> system = new ModelSystem<>(model, new LinkedHashSet<>(goal.wanted().keySet()));
        CheckResult<S, A> result;
        try {
            var stopping = new RewiredSystem<>(system, stopping(system.invariants(), goal.mustHold()), system.liveness(), true);
            result = Checker.check(stopping, config);
        } catch (Stop s) {
            return new Result(Status.UNMET, s.property + " violated");
        }
        List<String> unmet = new ArrayList<>();
        boolean unknown = false;
        for (var e : goal.wanted().entrySet()) {
            Verdict v = result.property(e.getKey()).map(PropertyResult::verdict).orElse(Verdict.UNKNOWN);
            if (v == Verdict.UNKNOWN) unknown = true;
            else if ((v == Verdict.HOLDS) != e.getValue()) unmet.add(e.getKey() + " " + v.name().toLowerCase(java.util.Locale.ROOT));
        }
        if (!unmet.isEmpty()) return new Result(Status.UNMET, String.join(", ", unmet));
        return unknown ? new Result(Status.UNKNOWN, "stopped by " + result.stopReason()) : new Result(Status.MET, null);
    }

    /** The model's invariants, except that one of {@code stopOn} throws {@link Stop} where it fails. */
    private static <S> List<Invariant<S>> stopping(List<Invariant<S>> all, Set<String> stopOn) {
        List<Invariant<S>> invariants = new ArrayList<>();
        for (Invariant<S> inv : all) {
            if (!stopOn.contains(inv.name())) {
                invariants.add(inv);
                continue;
            }
            var holds = inv.holds();
            String name = inv.name();
            invariants.add(new Invariant<>(name, s -> {
                if (holds.test(s)) return true;
                throw new Stop(name);
            }, inv.cause()));
        }
        return invariants;
    }
}
