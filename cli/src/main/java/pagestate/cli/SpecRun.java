package pagestate.cli;

import java.util.LinkedHashSet;
import java.util.Set;
import pagestate.checker.CheckResult;
import pagestate.checker.Checker;
import pagestate.checker.CheckerConfig;
import pagestate.model.ModelAction;
import pagestate.model.PropertyName;
import pagestate.model.SystemModel;
import pagestate.specs.Spec;

/** One spec explored: the spec, its system's model and the engine's result. */
record SpecRun<S, A extends ModelAction>(Spec spec, SystemModel<S, A> model, CheckResult<S, A> result) {

    /** Builds the spec's model (of whichever seed system it configures) and explores it under {@code config}. */
    static SpecRun<?, ?> run(Spec spec, CheckerConfig config) {
        return run(spec, spec.config().newModel(), config);
    }

    private static <S, A extends ModelAction> SpecRun<S, A> run(Spec spec, SystemModel<S, A> model, CheckerConfig config) {
        Set<String> liveness = new LinkedHashSet<>();
        for (String name : spec.properties()) {
            PropertyName.bySpecName(name).filter(PropertyName::isLiveness).ifPresent(p -> liveness.add(name));
        }
        ModelSystem<S, A> system = new ModelSystem<>(model, liveness);
        return new SpecRun<>(spec, model, Checker.check(system, config));
    }
}
