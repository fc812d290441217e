package pagestate.model.cpu;

import pagestate.model.PropertyName;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The properties of docs/model.md section 6, as predicates over a state. One property per method. */
final class Properties {

    private final Scenario scenario;
    private final List<ConverterProgram> programs;
    private final boolean coherent;

    Properties(Scenario scenario, List<ConverterProgram> programs, boolean coherent) {
        this.scenario = scenario;
        this.programs = programs;
        this.coherent = coherent;
    }

    List<ModelProperty> all(Set<Integer> converterActors, Set<Integer> readerAndConverterActors) {
        List<ModelProperty> list = new ArrayList<>();
        list.add(safety(PropertyName.NO_FATAL, s -> !s.crashed(), s -> s.crash().description()));
        list.add(safety(PropertyName.NO_COCO_EXCEPTION, s -> firstCoco(s) == null,
                s -> firstCoco(s).description()));
        list.add(safety(PropertyName.ZEROPAD_RETURNS, s -> fatalReader(s) < 0,
                s -> scenario.readers().get(fatalReader(s)).name() + ": " + s.reader(fatalReader(s)).outcome().description()));
        list.add(safety(PropertyName.TRANSLATIONS_CONSISTENT, s -> inconsistency(s) == null, this::inconsistency));
        list.add(safety(PropertyName.NO_STALE_TLB_AFTER_DONE, s -> staleTlb(s) == null, this::staleTlb));
        list.add(safety(PropertyName.NO_STALE_DIRTY_LINE, s -> staleLine(s) == null, this::staleLine));
        list.add(safety(PropertyName.ALIASES_AGREE, s -> disagreement(s) == null, this::disagreement));
        list.add(safety(PropertyName.NO_SECRET_TO_HOST, s -> !s.happened(Cause.SECRET_TO_HOST),
                s -> Cause.SECRET_TO_HOST.description()));
        list.add(safety(PropertyName.NO_GARBAGE_CONSUMED, s -> !s.happened(Cause.GARBAGE_CONSUMED),
                s -> Cause.GARBAGE_CONSUMED.description()));
        list.add(safety(PropertyName.SNP_VALIDATION_ORDER, s -> validationBreach(s) == null,
                s -> validationBreach(s).description()));
        list.add(safety(PropertyName.FAILED_CONVERSION_NOT_FREED, s -> !s.happened(Cause.PAGE_FREED_AFTER_FAILURE),
                s -> Cause.PAGE_FREED_AFTER_FAILURE.description()));
        list.add(new ModelProperty(PropertyName.CONVERSION_COMPLETES, this::conversionsFinished,
                s -> s.crashed() ? "the guest died before the conversion completed: " + s.crash().description()
                        : "a conversion never completes", converterActors));
        list.add(new ModelProperty(PropertyName.ZEROPAD_RETURNS_EVENTUALLY, this::readersReturned,
                s -> s.crashed() ? "the guest died before every zeropad returned: " + s.crash().description()
                        : "a zeropad load never returns", readerAndConverterActors));
        return List.copyOf(list);
    }

    private static ModelProperty safety(PropertyName name, java.util.function.Predicate<PageState> holds,
                                        java.util.function.Function<PageState, String> cause) {
        return new ModelProperty(name, holds, cause, Set.of());
    }

    private static Cause firstCoco(PageState s) {
        for (Cause c : Cause.values()) if (c.isCocoException() && s.happened(c)) return c;
        return null;
    }

    private static int fatalReader(PageState s) {
        for (int i = 0; i < s.readerCount(); i++) if (s.reader(i).done() && s.reader(i).outcome().isFatal()) return i;
        return -1;
    }

    /**
     * Every present PTE and every TLB entry must match the platform's view: a private translation points
     * at a page usable as private (TDX accepted, SNP validated, vTOM private), a shared one at a shared page.
     */
    private String inconsistency(PageState s) {
        Layout l = s.layout();
        for (int page = 0; page < l.pages(); page++) {
            HvPage hv = s.hv(page);
            for (Mapping m : l.mappingList()) {
                Pte pte = s.pte(m, page);
                if (pte != null && pte.present() && !consistent(pte.attribute(), hv)) {
                    return "PTE " + m.label() + "[p" + page + "] is present " + pte.attribute().lower()
                            + " while page " + page + " is " + hv.label();
                }
                for (int cpu = 0; cpu < l.cpus(); cpu++) {
                    Attribute t = s.tlb(cpu, m, page).attribute();
                    if (t != null && !consistent(t, hv)) {
                        return "CPU" + cpu + " TLB caches " + m.label() + "[p" + page + "] as " + t.lower()
                                + " while page " + page + " is " + hv.label();
                    }
                }
            }
        }
        return null;
    }

    private static boolean consistent(Attribute a, HvPage hv) {
        return a == Attribute.PRIVATE ? hv.isUsablePrivate() : hv.isShared();
    }

    /** Once a converter is done, no CPU caches a translation of its pages with the old attribute. */
    private String staleTlb(PageState s) {
        Layout l = s.layout();
        for (int i = 0; i < programs.size(); i++) {
            if (s.converter(i).status() != ConverterState.Status.DONE) continue;
            Attribute old = programs.get(i).finalAttribute().other();
            for (int page : programs.get(i).converter().pages()) {
                for (int cpu = 0; cpu < l.cpus(); cpu++) {
                    for (Mapping m : l.mappingList()) {
                        if (s.tlb(cpu, m, page).attribute() == old) {
                            return "conversion " + programs.get(i).converter().name() + " is done but CPU" + cpu
                                    + " still caches " + m.label() + "[p" + page + "] as " + old.lower();
                        }
                    }
                }
            }
        }
        return null;
    }

    /** On non-coherent caches, no dirty line whose key differs from the page's state. */
    private String staleLine(PageState s) {
        if (coherent) return null;
        for (int page = 0; page < s.layout().pages(); page++) {
            Attribute wrong = s.hv(page).key().other();
            if (s.cache(page).get(wrong) == Line.DIRTY) {
                return "page " + page + " is " + s.hv(page).label() + " but a dirty " + wrong.lower()
                        + "-key line remains; its write-back will corrupt the page";
            }
        }
        return null;
    }

    /** On every CPU, every mapping of a page that translates at all translates with the same attribute. */
    private String disagreement(PageState s) {
        Layout l = s.layout();
        for (int cpu = 0; cpu < l.cpus(); cpu++) {
            for (int page = 0; page < l.pages(); page++) {
                Attribute seen = null;
                Mapping first = null;
                for (Mapping m : l.mappingList()) {
                    Attribute a = s.effectiveAttribute(cpu, m, page);
                    if (a == null) continue;
                    if (seen != null && a != seen) {
                        return "on CPU" + cpu + " page " + page + " is " + seen.lower() + " through " + first.label()
                                + " but " + a.lower() + " through " + m.label();
                    }
                    seen = a;
                    first = m;
                }
            }
        }
        return null;
    }

    private static Cause validationBreach(PageState s) {
        for (Cause c : new Cause[] {Cause.PSC_WHILE_VALIDATED, Cause.PVALIDATE_FAILED, Cause.PF_IN_PVALIDATE}) {
            if (s.happened(c)) return c;
        }
        return null;
    }

    private boolean conversionsFinished(PageState s) {
        for (int i = 0; i < s.converterCount(); i++) if (!s.converter(i).status().finished()) return false;
        return true;
    }

    private boolean readersReturned(PageState s) {
        for (int i = 0; i < s.readerCount(); i++) {
            ReaderState r = s.reader(i);
            if (!r.done() || r.outcome().isFatal()) return false;
        }
        return true;
    }
}
