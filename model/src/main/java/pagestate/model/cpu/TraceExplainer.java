package pagestate.model.cpu;

import pagestate.model.PropertyName;
import pagestate.model.TraceStory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Tells a counterexample with its cause: step 0 (the initial state of the pages the violation
 * involves: PTEs, every CPU's TLB entries, cache lines, the platform's page state), the hardware's own
 * TLB fills as steps of the hardware lane, the kernel code of each converter step ({@link KernelCode}),
 * why a step changed nothing ({@link NoEffectReasons}), what a failed access used
 * ({@link AccessReasons}) and why the last state violates the property ({@link ViolationReasons}).
 * Everything is read off the trace; nothing of it is stored in the states.
 */
final class TraceExplainer {

    private final PageModel model;

    TraceExplainer(PageModel model) {
        this.model = model;
    }

    TraceStory tell(PageState initial, List<PageAction> actions, List<PageState> states, PropertyName property,
                    boolean lasso) {
        List<TraceBeats.Beat> beats = TraceBeats.of(model, initial, actions, states);
        Provenance prov = new Provenance(model, initial, beats);
        AccessReasons access = new AccessReasons(model, prov);
        NoEffectReasons noEffect = new NoEffectReasons(prov);
        ViolationReasons violation = new ViolationReasons(model, prov);
        Set<Integer> involved = new TreeSet<>();
        for (Converter c : model.scenario().converters()) involved.addAll(c.pages());
        List<TraceStory.Step> steps = new ArrayList<>();
        for (int idx = 0; idx < beats.size(); idx++) {
            int k = idx + 1;
            TraceBeats.Beat b = beats.get(idx);
            List<String> changes = model.changes(b.before(), b.after());
            List<String> notes = new ArrayList<>();
            if (b.split()) {
                steps.add(new TraceStory.Step(b.source(), true, "hardware", "hardware", b.text(), changes, null, notes));
                continue;
            }
            String kernel = kernel(b, prov);
            if (kernel != null) notes.add("kernel: " + kernel);
            ConverterProgram.Op op = prov.op(b);
            if (op != null && op.kind() == ConverterProgram.Op.Kind.STEP && changes.isEmpty()
                    && b.action().outcome() == Cause.OK) {
                notes.add(noEffect.why(k, model.programs().get(b.action().actor()).converter(), op.primitive(), op.via()));
            }
            notes.addAll(access.explain(k, b, involved));
            if (idx == beats.size() - 1 && !lasso) notes.addAll(violation.explain(k, property, involved));
            PageAction a = b.action();
            steps.add(new TraceStory.Step(b.source(), false, a.lane(), a.actorName(), a.description(), changes,
                    a.outcomeText(), notes));
        }
        return new TraceStory(initialLines(initial, involved), steps);
    }

    /** The kernel code of a converter's or a reader's step; null for the hardware and the host. */
    private String kernel(TraceBeats.Beat b, Provenance prov) {
        int actor = b.action().actor();
        int converters = model.programs().size();
        if (actor < converters) {
            ConverterProgram.Op op = prov.op(b);
            if (op == null) {
                return b.before().converter(actor).status() == ConverterState.Status.FAILED_FREED
                        ? KernelCode.of(ConverterProgram.Op.Kind.REUSE_WRITE) : null;
            }
            return op.kind() == ConverterProgram.Op.Kind.STEP
                    ? KernelCode.of(model.scenario().platform(), op.primitive()) : KernelCode.of(op.kind());
        }
        return actor < converters + model.scenario().readers().size() ? KernelCode.zeropad() : null;
    }

    /** Step 0: of each involved page, the platform's state, contents, cache lines, PTEs and every CPU's TLB entries. */
    private List<String> initialLines(PageState s, Set<Integer> pages) {
        List<String> lines = new ArrayList<>();
        Layout l = s.layout();
        for (int page : pages) {
            CacheLines c = s.cache(page);
            lines.add("page " + page + ": " + s.hv(page).label() + " (" + model.scenario().platform().name() + "), holds "
                    + s.contents(page).lower() + ", cache lines: private-key " + c.privateKey().lower()
                    + ", shared-key " + c.sharedKey().lower());
            for (Mapping m : l.mappingList()) {
                Pte pte = s.pte(m, page);
                String where = m.label() + "[p" + page + "]";
                if (pte != null) lines.add("PTE " + where + ": " + pte);
                List<String> entries = new ArrayList<>();
                for (int cpu = 0; cpu < l.cpus(); cpu++) entries.add("CPU" + cpu + " " + s.tlb(cpu, m, page).lower());
                lines.add("TLB " + where + ": " + String.join(", ", entries));
            }
        }
        return lines;
    }
}
