package pagestate.model.cpu;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What an access that did not end well used: the translation (a TLB entry and where it came from, or a
 * page walk of which PTE), the platform's page state, and the access-table row that decided the outcome.
 * The access is replayed on the state before the step with the model's own {@link Accesses}.
 */
final class AccessReasons {

    private final PageModel model;
    private final Accesses accesses;
    private final Provenance prov;

    AccessReasons(PageModel model, Provenance prov) {
        this.model = model;
        this.accesses = new Accesses(PlatformRules.of(model.scenario().platform()), model.scenario().options());
        this.prov = prov;
    }

    /** Notes on shown step {@code k} when it is an access that did not end well; adds the page to {@code involved}. */
    List<String> explain(int k, TraceBeats.Beat b, Set<Integer> involved) {
        if (b.split() || b.action().outcome() == Cause.OK) return List.of();
        int actor = b.action().actor();
        int converters = model.programs().size();
        PageState before = b.before();
        if (actor >= converters && actor < converters + model.scenario().readers().size()) {
            ZeropadReader r = model.scenario().readers().get(actor - converters);
            return accessNotes(k, r.cpu(), List.of(r.page(), r.page() + 1), false, null, false, involved);
        }
        if (actor >= converters) return List.of();
        Converter c = model.programs().get(actor).converter();
        if (before.converter(actor).status() == ConverterState.Status.FAILED_FREED) {
            return accessNotes(k, c.cpu(), c.pages(), true, Content.SECRET, false, involved);
        }
        ConverterProgram.Op op = prov.op(b);
        if (op == null) return List.of();
        return switch (op.kind()) {
            case OWNER_WRITE -> accessNotes(k, c.cpu(), c.pages(), true, op.value(), false, involved);
            case OWNER_READ -> accessNotes(k, c.cpu(), c.pages(), false, null, true, involved);
            case REUSE_WRITE -> List.of();
            case STEP -> b.action().description().contains("the spec lets it fail")
                    ? List.of("failure: the spec lets " + op.primitive().specName() + " fail; on_error "
                            + model.scenario().onError().specName() + ": " + model.scenario().onError().description())
                    : stepNotes(k, c, op.primitive(), b.action().outcome(), involved);
        };
    }

    private List<String> accessNotes(int k, int cpu, List<Integer> pages, boolean write, Content value, boolean ownerRead,
                                     Set<Integer> involved) {
        PageState before = prov.state(k - 1);
        PageState.Editor e = before.edit();
        for (int i = 0; i < pages.size(); i++) {
            int page = pages.get(i);
            PlatformRules.Accessor who = i == 1 && !write && !ownerRead
                    ? PlatformRules.Accessor.ZEROPAD_SECOND_PAGE : PlatformRules.Accessor.KERNEL;
            Attribute attr = before.effectiveAttribute(cpu, Mapping.DIRECT, page);
            HvPage hv = e.hvNow(page);
            Cause c = write ? accesses.write(e, cpu, Mapping.DIRECT, page, value) : accesses.read(e, cpu, Mapping.DIRECT, page, who);
            if (c == Cause.OK && ownerRead && e.contentsNow(page) != Content.SECRET) c = Cause.GARBAGE_CONSUMED;
            if (c == Cause.OK) continue;
            involved.add(page);
            List<String> notes = new ArrayList<>();
            notes.add("translation: " + translation(k - 1, cpu, page));
            notes.add("page state: " + prov.platformPage(k - 1, page));
            notes.add("rule: " + rule(k - 1, page, attr, hv, c));
            return notes;
        }
        return List.of();
    }

    /** "CPU1 translated page 1 with its TLB entry direct[p1] (private, since the initial state); PTE ...". */
    String translation(int k, int cpu, int page) {
        PageState s = prov.state(k);
        TlbEntry t = s.tlb(cpu, Mapping.DIRECT, page);
        if (t != TlbEntry.NONE) {
            String stale = prov.staleness(k, Mapping.DIRECT, page, t.attribute());
            return "CPU" + cpu + " translated page " + page + " with its " + prov.tlbEntry(k, cpu, Mapping.DIRECT, page)
                    + (stale == null ? "" : "; " + stale);
        }
        if (s.pte(Mapping.DIRECT, page).present()) {
            return "CPU" + cpu + " had no TLB entry for page " + page + " and walked PTE direct[p" + page + "] ("
                    + prov.pteState(k, Mapping.DIRECT, page) + ")";
        }
        return "none: CPU" + cpu + " has no TLB entry for page " + page + " and " + prov.pte(k, Mapping.DIRECT, page);
    }

    private String rule(int k, int page, Attribute attr, HvPage hv, Cause c) {
        PageState s = prov.state(k);
        if (c == Cause.GARBAGE_CONSUMED) {
            int j = prov.since(k, st -> st.contents(page));
            return "page " + page + " holds " + s.contents(page).lower() + " " + prov.sinceText(j)
                    + ", which the owner reads as its private data";
        }
        if (c == Cause.MC_POISON) {
            int j = prov.since(k, st -> st.contents(page));
            return "page " + page + " is poisoned " + prov.sinceText(j) + ": " + c.description()
                    + " (" + AccessRows.source(c) + ")";
        }
        if (attr == null) return c.description() + " (" + AccessRows.source(c) + ")";
        return AccessRows.row(model.scenario().platform(), attr, hv, c);
    }

    /** A primitive's own failure: the translation PVALIDATE used, or the page state it needed. */
    private List<String> stepNotes(int k, Converter c, Primitive p, Cause outcome, Set<Integer> involved) {
        List<String> notes = new ArrayList<>();
        for (int page : c.pages()) {
            involved.add(page);
            if (outcome == Cause.PF_IN_PVALIDATE) {
                notes.add("translation: " + translation(k - 1, c.cpu(), page));
                notes.add("rule: " + outcome.description() + " (" + AccessRows.source(outcome) + ")");
            } else {
                notes.add("page state: " + prov.platformPage(k - 1, page) + " when " + p.specName() + " ran");
            }
        }
        return notes;
    }
}
