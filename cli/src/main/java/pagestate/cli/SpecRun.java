package pagestate.cli;

import java.util.LinkedHashSet;
import pagestate.checker.CheckResult;
import pagestate.checker.Checker;
import pagestate.checker.CheckerConfig;
import pagestate.model.ModelAction;
import pagestate.model.SystemModel;
import pagestate.specs.Spec;

/**
 * One spec explored: the spec, its system's model, the engine's result and the coverage counted while
 * exploring ({@code actorsFired} by actor index, {@code stepsFired} by the first converter's pc).
 */
record SpecRun<S, A extends ModelAction>(Spec spec, SystemModel<S, A> model, CheckResult<S, A> result,
                                         long[] actorsFired, long[] stepsFired) {

    /** Builds the spec's model (of whichever seed system it configures) and explores it under {@code config}. */
    static SpecRun<?, ?> run(Spec spec, CheckerConfig config) {
        return run(spec, spec.config().newModel(), config);
    }

    private static <S, A extends ModelAction> SpecRun<S, A> run(Spec spec, SystemModel<S, A> model, CheckerConfig config) {
        ModelSystem<S, A> system = new ModelSystem<>(model, new LinkedHashSet<>(spec.properties()));
        CheckResult<S, A> result = Checker.check(system, config);
        return new SpecRun<>(spec, model, result, system.actorsFired(), system.stepsFired());
    }
}
