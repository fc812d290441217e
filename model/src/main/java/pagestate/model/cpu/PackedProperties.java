package pagestate.model.cpu;

import static pagestate.model.cpu.StateWords.get;

import java.util.List;
import pagestate.model.PropertyName;

/**
 * The safety properties of {@link Properties} evaluated on a state's encoded words, so that the checker's
 * hot path decodes no state: each method answers exactly as the object predicate of the same name (the
 * PackedPropertiesTest compares them on random reachable states), and so do the liveness goals, which the
 * safety search evaluates when it records the graph for liveness.
 */
final class PackedProperties {

    private static final int CAUSES = Cause.values().length;
    private static final Cause[] CAUSE = Cause.values();
    private static final Attribute[] ATTRIBUTES = Attribute.values();   // values() copies: once, not per state
    private static final TlbEntry[] TLB = TlbEntry.values();
    private static final ConverterState.Status[] STATUS = ConverterState.Status.values();

    private final Layout layout;
    private final StateWords f;
    private final List<ConverterProgram> programs;
    private final boolean coherent;
    private final HvPage[] hvStates;
    private final int readers;
    private final int cocoMask;
    private final int validationMask;

    PackedProperties(Scenario scenario, Layout layout, StateWords f, List<ConverterProgram> programs, boolean coherent) {
        this.layout = layout;
        this.f = f;
        this.programs = programs;
        this.coherent = coherent;
        this.hvStates = HvPage.of(scenario.platform());
        this.readers = scenario.readers().size();
        int coco = 0;
        for (Cause c : CAUSE) if (c.isCocoException()) coco |= 1 << c.ordinal();
        this.cocoMask = coco;
        this.validationMask = 1 << Cause.PSC_WHILE_VALIDATED.ordinal() | 1 << Cause.PVALIDATE_FAILED.ordinal()
                | 1 << Cause.PF_IN_PVALIDATE.ordinal();
    }

    /** 1 when {@code name} holds in the state at {@code w[base ..]}, 0 when violated, -1 for any other property. */
    int holds(PropertyName name, long[] w, int base) {
        boolean holds;
        switch (name) {
            case NO_FATAL -> holds = get(w, base, f.crash, PageStateCodec.CAUSE_BITS) == 0;
            case NO_COCO_EXCEPTION -> holds = (events(w, base) & cocoMask) == 0;
            case ZEROPAD_RETURNS -> holds = !fatalReader(w, base);
            case TRANSLATIONS_CONSISTENT -> holds = consistent(w, base);
            case NO_STALE_TLB_AFTER_DONE -> holds = !staleTlb(w, base);
            case NO_STALE_DIRTY_LINE -> holds = !staleLine(w, base);
            case ALIASES_AGREE -> holds = aliasesAgree(w, base);
            case NO_SECRET_TO_HOST -> holds = !happened(w, base, Cause.SECRET_TO_HOST);
            case NO_GARBAGE_CONSUMED -> holds = !happened(w, base, Cause.GARBAGE_CONSUMED);
            case SNP_VALIDATION_ORDER -> holds = (events(w, base) & validationMask) == 0;
            case FAILED_CONVERSION_NOT_FREED -> holds = !happened(w, base, Cause.PAGE_FREED_AFTER_FAILURE);
            case CONVERSION_COMPLETES -> holds = conversionsFinished(w, base);
            case ZEROPAD_RETURNS_EVENTUALLY -> holds = readersReturned(w, base);
            default -> {
                return -1;
            }
        }
        return holds ? 1 : 0;
    }

    /** Properties#conversionsFinished: every converter's status is finished. */
    private boolean conversionsFinished(long[] w, int base) {
        for (int i = 0; i < programs.size(); i++) {
            if (!STATUS[get(w, base, f.status(i), PageStateCodec.STATUS_BITS)].finished()) return false;
        }
        return true;
    }

    /** Properties#readersReturned: every zeropad reader has run, and not fatally. */
    private boolean readersReturned(long[] w, int base) {
        for (int i = 0; i < readers; i++) {
            if (get(w, base, f.readerDone(i), 1) == 0
                    || CAUSE[get(w, base, f.readerOutcome(i), PageStateCodec.CAUSE_BITS)].isFatal()) return false;
        }
        return true;
    }

    /** PageModel#programPc: the first converter's pc (0 when there is none). */
    int programPc(long[] w, int base) {
        return programs.isEmpty() ? 0 : get(w, base, f.pc(0), PageStateCodec.PC_BITS);
    }

    private int events(long[] w, int base) {
        return get(w, base, f.events, CAUSES);
    }

    private boolean happened(long[] w, int base, Cause c) {
        return (events(w, base) & 1 << c.ordinal()) != 0;
    }

    private boolean fatalReader(long[] w, int base) {
        for (int i = 0; i < readers; i++) {
            if (get(w, base, f.readerDone(i), 1) != 0
                    && CAUSE[get(w, base, f.readerOutcome(i), PageStateCodec.CAUSE_BITS)].isFatal()) return true;
        }
        return false;
    }

    /** Properties#inconsistency: every present PTE and every TLB entry matches the platform's view. */
    private boolean consistent(long[] w, int base) {
        for (int page = 0; page < layout.pages(); page++) {
            HvPage hv = hvStates[get(w, base, f.hv(page), 2)];
            for (Mapping m : layout.mappingList()) {
                if (layout.hasPte(m)) {
                    int pte = get(w, base, f.pte(m, page), 2);
                    if ((pte & 2) != 0 && !consistent(ATTRIBUTES[pte & 1], hv)) return false;
                }
                for (int cpu = 0; cpu < layout.cpus(); cpu++) {
                    int t = get(w, base, f.tlb(cpu, m, page), 2);
                    if (t != 0 && !consistent(TLB[t].attribute(), hv)) return false;
                }
            }
        }
        return true;
    }

    private static boolean consistent(Attribute a, HvPage hv) {
        return a == Attribute.PRIVATE ? hv.isUsablePrivate() : hv.isShared();
    }

    /** Properties#staleTlb: once a converter is done, no CPU caches its pages with the old attribute. */
    private boolean staleTlb(long[] w, int base) {
        for (int i = 0; i < programs.size(); i++) {
            if (get(w, base, f.status(i), PageStateCodec.STATUS_BITS) != ConverterState.Status.DONE.ordinal()) continue;
            int old = TlbEntry.cached(programs.get(i).finalAttribute().other()).ordinal();
            for (int page : programs.get(i).converter().pages()) {
                for (int cpu = 0; cpu < layout.cpus(); cpu++) {
                    for (Mapping m : layout.mappingList()) if (get(w, base, f.tlb(cpu, m, page), 2) == old) return true;
                }
            }
        }
        return false;
    }

    /** Properties#staleLine: on non-coherent caches, no dirty line whose key differs from the page's state. */
    private boolean staleLine(long[] w, int base) {
        if (coherent) return false;
        for (int page = 0; page < layout.pages(); page++) {
            Attribute wrong = hvStates[get(w, base, f.hv(page), 2)].key().other();
            if (get(w, base, f.line(page, wrong), 2) == Line.DIRTY.ordinal()) return true;
        }
        return false;
    }

    /** Properties#disagreement: on every CPU, every mapping of a page that translates agrees on the attribute. */
    private boolean aliasesAgree(long[] w, int base) {
        for (int cpu = 0; cpu < layout.cpus(); cpu++) {
            for (int page = 0; page < layout.pages(); page++) {
                int seen = -1;
                for (Mapping m : layout.mappingList()) {
                    int a = effective(w, base, cpu, m, page);
                    if (a < 0) continue;
                    if (seen >= 0 && a != seen) return false;
                    seen = a;
                }
            }
        }
        return true;
    }

    /** PageState#effectiveAttribute as an ordinal: the TLB entry's, else a present PTE's, else -1 (#PF). */
    private int effective(long[] w, int base, int cpu, Mapping m, int page) {
        int t = get(w, base, f.tlb(cpu, m, page), 2);
        if (t != 0) return TLB[t].attribute().ordinal();
        if (!layout.hasPte(m)) return -1;
        int pte = get(w, base, f.pte(m, page), 2);
        return (pte & 2) != 0 ? pte & 1 : -1;
    }
}
