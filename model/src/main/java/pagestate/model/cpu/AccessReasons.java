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

    /** One access of a step: its page, the mapping it goes through, and who makes it. */
    private record Access(int page, Mapping via, PlatformRules.Accessor who) { }

    /** What kind of access a step makes. */
    private enum Kind { READ, WRITE, OWNER_READ, CLFLUSH }

    /** Notes on shown step {@code k} when it is an access that did not end well; adds the page to {@code involved}. */
    List<String> explain(int k, TraceBeats.Beat b, Set<Integer> involved) {
        if (b.split() || b.action().outcome() == Cause.OK) return List.of();
        int actor = b.action().actor();
        int converters = model.programs().size();
        PageState before = b.before();
        if (actor >= converters && actor < converters + model.scenario().readers().size()) {
            ZeropadReader r = model.scenario().readers().get(actor - converters);
            return accessNotes(k, r.cpu(), List.of(new Access(r.page(), r.firstPageMapping(), PlatformRules.Accessor.KERNEL),
                    new Access(r.page() + 1, r.via(), PlatformRules.Accessor.ZEROPAD_SECOND_PAGE)), Kind.READ, null, involved);
        }
        if (actor >= converters) return List.of();
        Converter c = model.programs().get(actor).converter();
        if (before.converter(actor).status() == ConverterState.Status.FAILED_FREED) {
            return accessNotes(k, c.cpu(), owner(c, Mapping.DIRECT), Kind.WRITE, Content.SECRET, involved);
        }
        ConverterProgram.Op op = prov.op(b);
        if (op == null) return List.of();
        return switch (op.kind()) {
            case OWNER_WRITE -> accessNotes(k, c.cpu(), owner(c, c.via()), Kind.WRITE, op.value(), involved);
            case OWNER_READ -> accessNotes(k, c.cpu(), owner(c, c.via()), Kind.OWNER_READ, null, involved);
            case REUSE_WRITE -> List.of();
            case STEP -> b.action().description().contains("the spec lets it fail")
                    ? List.of("failure: the spec lets " + op.primitive().specName() + " fail; on_error "
                            + model.scenario().onError().specName() + ": " + model.scenario().onError().description())
                    : op.primitive() == Primitive.FLUSH_CACHE
                    ? accessNotes(k, c.cpu(), owner(c, op.via()), Kind.CLFLUSH, null, involved)
                    : stepNotes(k, c, op, b.action().outcome(), involved);
        };
    }

    private static List<Access> owner(Converter c, Mapping via) {
        return c.pages().stream().map(p -> new Access(p, via, PlatformRules.Accessor.KERNEL)).toList();
    }

    /** Replays the accesses with the model's own rules; explains the first that does not end well. */
    private List<String> accessNotes(int k, int cpu, List<Access> list, Kind kind, Content value, Set<Integer> involved) {
        PageState before = prov.state(k - 1);
        PageState.Editor e = before.edit();
        for (Access a : list) {
            int page = a.page();
            // cpa_flush() skips a page whose PTE is not present, or gone (ConverterSteps.flushCache)
            if (kind == Kind.CLFLUSH && (before.pte(a.via(), page) == null || !before.pte(a.via(), page).present())) continue;
            Attribute attr = before.effectiveAttribute(cpu, a.via(), page);
            HvPage hv = e.hvNow(page);
            Cause c = switch (kind) {
                case WRITE -> accesses.write(e, cpu, a.via(), page, value);
                case READ, OWNER_READ -> accesses.read(e, cpu, a.via(), page, a.who());
                case CLFLUSH -> accesses.clflush(e, cpu, a.via(), page);
            };
            if (c == Cause.OK && kind == Kind.OWNER_READ && e.contentsNow(page) != Content.SECRET) c = Cause.GARBAGE_CONSUMED;
            if (c == Cause.OK) continue;
            involved.add(page);
            List<String> notes = new ArrayList<>();
            notes.add("translation: " + translation(k - 1, cpu, a.via(), page));
            notes.add("page state: " + prov.platformPage(k - 1, page));
            notes.add("rule: " + rule(k - 1, page, attr, hv, c));
            return notes;
        }
        return List.of();
    }

    /** "CPU1 translated page 1 with its TLB entry direct[p1] (private, since the initial state); PTE ...". */
    String translation(int k, int cpu, Mapping m, int page) {
        PageState s = prov.state(k);
        TlbEntry t = s.tlb(cpu, m, page);
        String where = m.label() + "[p" + page + "]";
        if (t != TlbEntry.NONE) {
            String stale = prov.staleness(k, m, page, t.attribute());
            return "CPU" + cpu + " translated page " + page + " with its " + prov.tlbEntry(k, cpu, m, page)
                    + (stale == null ? "" : "; " + stale);
        }
        Pte pte = s.pte(m, page);
        if (pte == null) {
            return "none: CPU" + cpu + " has no TLB entry " + where + " and the lazy alias has no PTE (vunmap cleared it)";
        }
        if (pte.present()) {
            return "CPU" + cpu + " had no TLB entry " + where + " and walked PTE " + where + " ("
                    + prov.pteState(k, m, page) + ")";
        }
        return "none: CPU" + cpu + " has no TLB entry " + where + " and " + prov.pte(k, m, page);
    }

    private String rule(int k, int page, Attribute attr, HvPage hv, Cause c) {
        PageState s = prov.state(k);
        if (c == Cause.GARBAGE_CONSUMED) {
            int j = prov.since(k, st -> st.contents(page));
            return "page " + page + " holds " + s.contents(page).lower() + " " + prov.sinceText(j)
                    + ", which the owner reads as its private data (docs/model.md section " + AccessRows.section(c) + ")";
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
    private List<String> stepNotes(int k, Converter c, ConverterProgram.Op op, Cause outcome, Set<Integer> involved) {
        List<String> notes = new ArrayList<>();
        Primitive p = op.primitive();
        if (p == Primitive.WBINVD) return List.of("rule: " + outcome.description() + " (" + AccessRows.source(outcome) + ")");
        for (int page : c.pages()) {
            involved.add(page);
            if (outcome == Cause.PF_IN_PVALIDATE) {
                notes.add("translation: " + translation(k - 1, c.cpu(), op.via(), page));
                notes.add("rule: " + outcome.description() + " (" + AccessRows.source(outcome) + ")");
            } else {
                notes.add("page state: " + prov.platformPage(k - 1, page) + " when " + p.specName() + " ran");
            }
        }
        return notes;
    }
}
