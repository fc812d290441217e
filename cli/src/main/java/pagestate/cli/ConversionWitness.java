package pagestate.cli;

import java.util.List;
import java.util.Set;
import pagestate.checker.CheckResult;
import pagestate.checker.Checker;
import pagestate.checker.CheckerConfig;
import pagestate.checker.Invariant;
import pagestate.checker.Verdict;
import pagestate.model.cpu.ConverterState;
import pagestate.model.cpu.PageAction;
import pagestate.model.cpu.PageModel;
import pagestate.model.cpu.PageState;
import pagestate.specs.Spec;

/**
 * Whether some interleaving of a spec runs every converter to the end of its steps (status DONE, not
 * failed). A repair that makes every property hold by making every conversion fail (an ACCEPT of a page
 * that is not pending fails the TDCALL, tdx-shared.c try_accept_one()) is no fix. Found as the violation
 * of the invariant "not every converter is done", explored without partial-order reduction (the model
 * names no reads for it).
 */
final class ConversionWitness {

    enum Answer { YES, NO, UNKNOWN }

    private static final String NAME = "not_every_conversion_done";

    private ConversionWitness() { }

    static Answer exists(Spec spec, CheckerConfig config) {
        if (!(spec.config().newModel() instanceof PageModel model)) return Answer.YES;
        ModelSystem<PageState, PageAction> inner = new ModelSystem<>(model, Set.of());
        Invariant<PageState> notDone = new Invariant<>(NAME, ConversionWitness::notEveryConverterDone,
                s -> "every converter is done");
        CheckResult<PageState, PageAction> r = Checker.check(new RewiredSystem<>(inner, List.of(notDone), List.of(), false),
                config.withPor(false).withCheckDeadlock(false));
        Verdict v = r.property(NAME).orElseThrow().verdict();
        return v == Verdict.VIOLATED ? Answer.YES : v == Verdict.HOLDS ? Answer.NO : Answer.UNKNOWN;
    }

    private static boolean notEveryConverterDone(PageState s) {
        for (int i = 0; i < s.converterCount(); i++) {
            if (s.converter(i).status() != ConverterState.Status.DONE) return true;
        }
        return false;
    }
}
