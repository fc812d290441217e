package pagestate.cli;

import java.util.List;
import java.util.Set;
import pagestate.checker.CheckResult;
import pagestate.checker.Checker;
import pagestate.checker.CheckerConfig;
import pagestate.checker.Invariant;
import pagestate.checker.Verdict;
import pagestate.model.cpu.Attribute;
import pagestate.model.cpu.Converter;
import pagestate.model.cpu.ConverterState;
import pagestate.model.cpu.HvPage;
import pagestate.model.cpu.Mapping;
import pagestate.model.cpu.Pte;
import pagestate.model.cpu.Scenario;
import pagestate.model.cpu.PageAction;
import pagestate.model.cpu.PageModel;
import pagestate.model.cpu.PageState;
import pagestate.specs.Spec;

/**
 * Whether some interleaving of a spec converts: runs every converter to the end of its steps (status
 * DONE, not failed) and leaves each of its pages in its last phase's target, both in the direct map's PTE
 * (present, with the target attribute) and in the platform's page state (TDX accepted or shared, SNP
 * validated or hypervisor-owned, vTOM private or host-visible: {@link HvPage#settled}). A repair that
 * makes every property hold by making every conversion fail (an ACCEPT of a page that is not pending
 * fails the TDCALL, tdx-shared.c try_accept_one()) or by dropping the conversion itself (the flip, the
 * MapGPA) is no fix. Found as the violation of the invariant "not converted", explored without
 * partial-order reduction (the model names no reads for it).
 */
final class ConversionWitness {

    enum Answer { YES, NO, UNKNOWN }

    private static final String NAME = "not_converted";

    private ConversionWitness() { }

    static Answer exists(Spec spec, CheckerConfig config) {
        if (!(spec.config().newModel() instanceof PageModel model)) return Answer.YES;
        Scenario sc = spec.scenario();
        ModelSystem<PageState, PageAction> inner = new ModelSystem<>(model, Set.of());
        Invariant<PageState> notDone = new Invariant<>(NAME, s -> !converted(sc, s),
                s -> "every page is converted");
        CheckResult<PageState, PageAction> r = Checker.check(new RewiredSystem<>(inner, List.of(notDone), List.of(), false),
                config.withPor(false).withCheckDeadlock(false));
        Verdict v = r.property(NAME).orElseThrow().verdict();
        return v == Verdict.VIOLATED ? Answer.YES : v == Verdict.HOLDS ? Answer.NO : Answer.UNKNOWN;
    }

    /** Every converter done, each of its pages settled in its last phase's target. */
    static boolean converted(Scenario sc, PageState s) {
        for (int i = 0; i < s.converterCount(); i++) {
            if (s.converter(i).status() != ConverterState.Status.DONE) return false;
            Converter c = sc.converters().get(i);
            Attribute target = c.phases().get(c.phases().size() - 1).target().target();
            for (int page : c.pages()) {
                Pte pte = s.pte(Mapping.DIRECT, page);
                if (!pte.present() || pte.attribute() != target) return false;
                if (s.hv(page) != HvPage.settled(sc.platform(), target)) return false;
            }
        }
        return true;
    }
}
