package pagestate.model.cpu;

import pagestate.model.PropertyName;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Why the last state of a trace violates a property that is not about one access: a stale TLB entry
 * after the conversion, a stale dirty cache line, an inconsistent translation, aliases that disagree,
 * the host reading a secret. (Access outcomes are explained by {@link AccessReasons}.)
 */
final class ViolationReasons {

    private final PageModel model;
    private final Provenance prov;
    private final NoEffectReasons noEffect;

    ViolationReasons(PageModel model, Provenance prov) {
        this.model = model;
        this.prov = prov;
        this.noEffect = new NoEffectReasons(prov);
    }

    List<String> explain(int k, PropertyName property, Set<Integer> involved) {
        return switch (property) {
            case NO_STALE_TLB_AFTER_DONE -> staleTlb(k, involved);
            case NO_STALE_DIRTY_LINE -> staleLine(k, involved);
            case TRANSLATIONS_CONSISTENT -> inconsistency(k, involved);
            case NO_SECRET_TO_HOST -> secret(k, involved);
            case ALIASES_AGREE -> disagreement(k, involved);
            default -> List.of();
        };
    }

    /** Properties.staleTlb: a done converter's page still cached with the old attribute. */
    private List<String> staleTlb(int k, Set<Integer> involved) {
        PageState s = prov.state(k);
        Layout l = s.layout();
        for (int i = 0; i < model.programs().size(); i++) {
            if (s.converter(i).status() != ConverterState.Status.DONE) continue;
            Attribute old = model.programs().get(i).finalAttribute().other();
            for (int page : model.programs().get(i).converter().pages()) {
                for (int cpu = 0; cpu < l.cpus(); cpu++) {
                    for (Mapping m : l.mappingList()) {
                        if (s.tlb(cpu, m, page).attribute() != old) continue;
                        involved.add(page);
                        String stale = prov.staleness(k, m, page, old);
                        return List.of("stale: CPU" + cpu + "'s " + prov.tlbEntry(k, cpu, m, page)
                                + " outlives the conversion" + (stale == null ? "" : "; " + stale));
                    }
                }
            }
        }
        return List.of();
    }

    /** Properties.staleLine: a dirty line with the key the page no longer has; which write, which flush. */
    private List<String> staleLine(int k, Set<Integer> involved) {
        PageState s = prov.state(k);
        for (int page = 0; page < s.layout().pages(); page++) {
            Attribute key = s.hv(page).key().other();
            if (s.cache(page).get(key) != Line.DIRTY) continue;
            involved.add(page);
            int p = page;
            int w = prov.since(k, st -> st.cache(p).get(key));
            List<String> notes = new ArrayList<>();
            notes.add("stale line: the dirty " + key.lower() + "-key line of page " + page + " was written "
                    + (w == 0 ? "before the initial state" : "at step " + prov.name(w)) + "; "
                    + prov.platformPage(k, page));
            boolean flushed = false;
            for (int j = w + 1; j <= k; j++) {
                TraceBeats.Beat b = beatAt(j);
                ConverterProgram.Op op = prov.op(b);
                if (op == null || op.kind() != ConverterProgram.Op.Kind.STEP) continue;
                Converter c = model.programs().get(b.action().actor()).converter();
                if (op.primitive() == Primitive.FLUSH_CACHE && c.pages().contains(page)) {
                    flushed = true;
                    notes.add("flush_cache at step " + j + " did not remove it: "
                            + noEffect.flushCache(j - 1, c.cpu(), op.via(), page));
                }
            }
            if (!flushed) notes.add("no flush_cache or wbinvd ran after step " + w);
            return notes;
        }
        return List.of();
    }

    /** Properties.inconsistency: a present PTE or a TLB entry that disagrees with the platform's view. */
    private List<String> inconsistency(int k, Set<Integer> involved) {
        PageState s = prov.state(k);
        Layout l = s.layout();
        for (int page = 0; page < l.pages(); page++) {
            HvPage hv = s.hv(page);
            for (Mapping m : l.mappingList()) {
                Pte pte = s.pte(m, page);
                if (pte != null && pte.present() && !consistent(pte.attribute(), hv)) {
                    involved.add(page);
                    return List.of("inconsistent: " + prov.pte(k, m, page) + " while " + prov.platformPage(k, page));
                }
                for (int cpu = 0; cpu < l.cpus(); cpu++) {
                    Attribute t = s.tlb(cpu, m, page).attribute();
                    if (t == null || consistent(t, hv)) continue;
                    involved.add(page);
                    String stale = prov.staleness(k, m, page, t);
                    return List.of("inconsistent: CPU" + cpu + "'s " + prov.tlbEntry(k, cpu, m, page) + " while "
                            + prov.platformPage(k, page) + (stale == null ? "" : "; " + stale));
                }
            }
        }
        return List.of();
    }

    /** Properties.disagreement: two mappings of a page translate differently on one CPU; where each came from. */
    private List<String> disagreement(int k, Set<Integer> involved) {
        PageState s = prov.state(k);
        Layout l = s.layout();
        for (int cpu = 0; cpu < l.cpus(); cpu++) {
            for (int page = 0; page < l.pages(); page++) {
                Mapping first = null;
                for (Mapping m : l.mappingList()) {
                    Attribute a = s.effectiveAttribute(cpu, m, page);
                    if (a == null) continue;
                    if (first != null && a != s.effectiveAttribute(cpu, first, page)) {
                        involved.add(page);
                        return List.of("disagree: on CPU" + cpu + " page " + page + " translates through "
                                + through(k, cpu, first, page) + " but through " + through(k, cpu, m, page));
                    }
                    if (first == null) first = m;
                }
            }
        }
        return List.of();
    }

    /** "its TLB entry direct[p1] (private, since ...)" or "PTE vmalloc[p1] (present shared since ...)". */
    private String through(int k, int cpu, Mapping m, int page) {
        if (prov.state(k).tlb(cpu, m, page) != TlbEntry.NONE) return "its " + prov.tlbEntry(k, cpu, m, page);
        return "a walk of PTE " + m.label() + "[p" + page + "] (" + prov.pteState(k, m, page) + ")";
    }

    private static boolean consistent(Attribute a, HvPage hv) {
        return a == Attribute.PRIVATE ? hv.isUsablePrivate() : hv.isShared();
    }

    private List<String> secret(int k, Set<Integer> involved) {
        PageState s = prov.state(k);
        List<String> notes = new ArrayList<>();
        for (HostActor h : model.scenario().hosts()) {
            int page = h.page();
            if (s.contents(page) != Content.SECRET || !s.hv(page).isShared()) continue;
            involved.add(page);
            notes.add("secret: page " + page + " holds the secret " + prov.sinceText(prov.since(k, st -> st.contents(page)))
                    + " while " + prov.platformPage(k, page));
            break;
        }
        return notes;
    }

    private TraceBeats.Beat beatAt(int j) {
        return prov.beat(j);
    }
}
