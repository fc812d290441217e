package pagestate.cli;

import java.util.LinkedHashSet;
import java.util.Set;
import pagestate.checker.CheckResult;
import pagestate.checker.Checker;
import pagestate.checker.CheckerConfig;
import pagestate.model.PageAction;
import pagestate.model.PageModel;
import pagestate.model.PageState;
import pagestate.model.PropertyName;
import pagestate.specs.Spec;

/** One spec explored: the spec, its model and the engine's result. */
record SpecRun(Spec spec, PageModel model, CheckResult<PageState, PageAction> result) {

    /** Builds the spec's model and explores it under {@code config}. */
    static SpecRun run(Spec spec, CheckerConfig config) {
        PageModel model = new PageModel(spec.scenario());
        Set<String> liveness = new LinkedHashSet<>();
        for (String name : spec.properties()) {
            PropertyName.bySpecName(name).filter(PropertyName::isLiveness).ifPresent(p -> liveness.add(name));
        }
        ModelSystem system = new ModelSystem(model, liveness);
        return new SpecRun(spec, model, Checker.check(system, config));
    }
}
