package pagestate.model.cpu;

import java.util.function.BiConsumer;

/**
 * What the hardware may do at any time, on any CPU (docs/model.md section 4). Each kind can be switched off.
 */
final class Hardware {

    private final Scenario scenario;
    private final Accesses accesses;
    private final int actor;

    Hardware(Scenario scenario, Accesses accesses, int actor) {
        this.scenario = scenario;
        this.accesses = accesses;
        this.actor = actor;
    }

    void successors(PageState s, BiConsumer<PageAction, PageState> sink) {
        Layout l = s.layout();
        if (scenario.hardwareOn(HardwareAction.TLB_FILL)) {
            for (int cpu = 0; cpu < l.cpus(); cpu++) {
                for (Mapping m : l.mappingList()) {
                    for (int page = 0; page < l.pages(); page++) {
                        if (fillable(s, cpu, m, page)) fill(s, cpu, m, page, sink);
                    }
                }
            }
        }
        if (scenario.hardwareOn(HardwareAction.TLB_EVICT)) {
            for (int cpu = 0; cpu < l.cpus(); cpu++) {
                for (Mapping m : l.mappingList()) {
                    for (int page = 0; page < l.pages(); page++) {
                        if (s.tlb(cpu, m, page) == TlbEntry.NONE) continue;
                        PageState next = s.edit().tlb(cpu, m, page, TlbEntry.NONE).done();
                        int c = cpu;
                        int pg = page;
                        emit(sink, ActionKinds.TLB_EVICTION, () -> "TLB eviction: CPU" + c + " " + m.label() + "[p" + pg + "]", next,
                                PageFootprints.tlbUnit(actor, l, cpu, m, page));
                    }
                }
            }
        }
        if (scenario.hardwareOn(HardwareAction.CACHE_FILL)) {
            // speculative fill of a clean line through any translation a CPU could use
            for (int page = 0; page < l.pages(); page++) {
                for (Attribute key : Attribute.values()) {
                    if (s.cache(page).get(key) != Line.NONE || !translationExists(s, page, key)) continue;
                    PageState next = s.edit().cache(page, s.cache(page).with(key, Line.CLEAN)).done();
                    int pg = page;
                    emit(sink, ActionKinds.CACHE_FILL, () -> "speculative cache fill: page " + pg + " " + key.lower() + " key", next,
                            PageFootprints.lineUnit(actor, l, page, key));
                }
            }
        }
        if (scenario.hardwareOn(HardwareAction.WRITEBACK)) {
            // a line may be evicted (a dirty one written back) at any time
            for (int page = 0; page < l.pages(); page++) {
                for (Attribute key : Attribute.values()) {
                    Line line = s.cache(page).get(key);
                    if (line == Line.NONE) continue;
                    PageState.Editor e = s.edit();
                    accesses.writeBack(e, page, key);
                    int pg = page;
                    emit(sink, line == Line.DIRTY ? ActionKinds.WRITE_BACK : ActionKinds.LINE_EVICTION,
                            () -> (line == Line.DIRTY ? "write-back" : "eviction") + " of the " + key.lower()
                            + "-key line of page " + pg, e.done(), PageFootprints.lineUnit(actor, l, page, key));
                }
            }
        }
    }

    /** Whether the TLB may speculatively cache this translation now: only from a present PTE (SDM Vol. 3A 4.10.2.3). */
    static boolean fillable(PageState s, int cpu, Mapping m, int page) {
        return s.tlb(cpu, m, page) == TlbEntry.NONE && fillFrom(s.pte(m, page)) != null;
    }

    /** What a speculative fill caches from this PTE (the lazy alias has none: null), or null when it is not present. */
    static TlbEntry fillFrom(Pte pte) {
        return pte != null && pte.present() ? TlbEntry.cached(pte.attribute()) : null;
    }

    /** The speculative fill of one entry with what its PTE says now; reports the step and returns the state. */
    PageState fill(PageState s, int cpu, Mapping m, int page, BiConsumer<PageAction, PageState> sink) {
        Pte pte = s.pte(m, page);
        PageState next = s.edit().tlb(cpu, m, page, fillFrom(pte)).done();
        emit(sink, ActionKinds.TLB_FILL, () -> "speculative TLB fill: CPU" + cpu + " " + m.label() + "[p" + page + "] <- "
                + pte.attribute().lower(), next, PageFootprints.tlbUnit(actor, s.layout(), cpu, m, page));
        return next;
    }

    /**
     * Every speculative TLB fill the hardware may do now, one after another (each reported as a step), so
     * that every entry whose PTE is present caches a translation; returns the final state. Used by the
     * saturated canonical form ({@link Indistinguishable}) and to replay traces through it.
     */
    PageState saturate(PageState s, BiConsumer<PageAction, PageState> sink) {
        if (!Indistinguishable.saturates(scenario) || s.crashed()) return s;
        Layout l = s.layout();
        for (int cpu = 0; cpu < l.cpus(); cpu++) {
            for (Mapping m : l.mappingList()) {
                for (int page = 0; page < l.pages(); page++) {
                    if (fillable(s, cpu, m, page)) s = fill(s, cpu, m, page, sink);
                }
            }
        }
        return s;
    }

    private static boolean translationExists(PageState s, int page, Attribute key) {
        Layout l = s.layout();
        for (int cpu = 0; cpu < l.cpus(); cpu++) {
            for (Mapping m : l.mappingList()) {
                if (s.effectiveAttribute(cpu, m, page) == key) return true;
            }
        }
        return false;
    }

    private void emit(BiConsumer<PageAction, PageState> sink, String kind, java.util.function.Supplier<String> description,
                      PageState next, int unit) {
        sink.accept(new PageAction(actor, "hardware", "hardware", kind, description, Cause.OK, unit), next);
    }
}
