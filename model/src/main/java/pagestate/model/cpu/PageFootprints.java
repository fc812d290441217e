package pagestate.model.cpu;

import pagestate.model.PropertyName;
import java.util.List;

/**
 * Partial-order units and footprints of the page model. Units: one per converter, reader and host (the
 * actor's index), then the hardware split finely: one unit per TLB entry (its fill and eviction) and one
 * per cache line (page, key: its fill and write-back). What each reads and writes is
 * {@link FootprintRules}; here the footprints that depend on the state only through a converter's status
 * and pc or a reader being done are found once per spec and copied per state.
 */
final class PageFootprints {

    private final Scenario scenario;
    private final Layout layout;
    private final List<ConverterProgram> programs;
    private final int hardwareActor;
    private final boolean saturated;
    private final FootprintRules rules;
    /** The fills a step makes possible, over saturated states. */
    private final Saturation fill;
    /**
     * The footprints (saturated when {@link #saturated}) of the units that do not depend on the state (hosts,
     * TLB entries, cache lines: all but the converters and readers), by unit minus the first of them: found
     * once, copied per state.
     */
    private final long[][] fixedReads;
    private final long[][] fixedWrites;
    /** Per reader that has not run, its footprint (saturated when {@link #saturated}): found once, copied per state. */
    private final long[][] readerReads;
    private final long[][] readerWrites;
    /** Per converter, status and pc (up to the reuse write's successor), its footprint, found once likewise. */
    private final long[][][][] converterReads;
    private final long[][][][] converterWrites;

    /**
     * @param saturated whether the search stores saturated states ({@link Indistinguishable}): then a step's
     *                  footprint also covers the fills that follow it
     */
    PageFootprints(Scenario scenario, Layout layout, List<ConverterProgram> programs, int hardwareActor,
                   boolean saturated) {
        this.saturated = saturated;
        this.scenario = scenario;
        this.layout = layout;
        this.programs = programs;
        this.hardwareActor = hardwareActor;
        this.rules = new FootprintRules(scenario, layout, programs, hardwareActor);
        this.fill = new Saturation(layout, rules.tlb, rules.line);
        int first = programs.size() + scenario.readers().size();
        this.fixedReads = new long[units() - first][];
        this.fixedWrites = new long[units() - first][];
        for (int u = first; u < units(); u++) {
            long[] r = new long[words()];
            long[] w = new long[words()];
            rules.stateless(u, r, w);
            if (saturated) saturation(r, w);
            fixedReads[u - first] = r;
            fixedWrites[u - first] = w;
        }
        // found once for the scenario's own layout (a test of the saturation alone may give another)
        boolean own = layout.cpus() == scenario.cpus() && layout.pages() == scenario.pages()
                && layout.mappings() == scenario.mappings().size();
        int readers = own ? scenario.readers().size() : 0;
        this.readerReads = new long[readers][];
        this.readerWrites = new long[readers][];
        for (int i = 0; i < readers; i++) {
            readerReads[i] = new long[words()];
            readerWrites[i] = new long[words()];
            rules.reader(false, i, readerReads[i], readerWrites[i]);
            if (saturated) saturation(readerReads[i], readerWrites[i]);
        }
        int converters = own ? programs.size() : 0;
        this.converterReads = new long[converters][STATUS.length][][];
        this.converterWrites = new long[converters][STATUS.length][][];
        for (int x = 0; x < converters; x++) {
            for (ConverterState.Status status : STATUS) {
                int pcs = programs.get(x).reuseIndex() + 2;
                long[][] r = converterReads[x][status.ordinal()] = new long[pcs][];
                long[][] w = converterWrites[x][status.ordinal()] = new long[pcs][];
                for (int pc = 0; pc < pcs; pc++) {
                    r[pc] = new long[words()];
                    w[pc] = new long[words()];
                    rules.converter(status, pc, x, r[pc], w[pc]);
                    if (saturated) saturation(r[pc], w[pc]);
                }
            }
        }
    }

    /** Copies a footprint found once into {@code r} and {@code w}. */
    private static void copy(long[] fromReads, long[] fromWrites, long[] r, long[] w) {
        System.arraycopy(fromReads, 0, r, 0, fromReads.length);
        System.arraycopy(fromWrites, 0, w, 0, fromWrites.length);
    }

    /** Copies the fixed footprint of {@code unit} (a host, TLB entry or cache line) into {@code r} and {@code w}. */
    private void fixed(int unit, long[] r, long[] w) {
        int k = unit - programs.size() - scenario.readers().size();
        System.arraycopy(fixedReads[k], 0, r, 0, fixedReads[k].length);
        System.arraycopy(fixedWrites[k], 0, w, 0, fixedWrites[k].length);
    }

    /** The unit of the fill or eviction of one TLB entry. */
    static int tlbUnit(int hardwareActor, Layout l, int cpu, Mapping m, int page) {
        return hardwareActor + l.tlbIndex(cpu, m, page);
    }

    /** The unit of the fill or write-back of one cache line. */
    static int lineUnit(int hardwareActor, Layout l, int page, Attribute key) {
        return hardwareActor + l.tlbCount() + page * 2 + key.ordinal();
    }

    int units() {
        return rules.units();
    }

    int words() {
        return rules.words();
    }

    /** The components property {@code name} reads, into {@code r}. */
    void propertyReads(PropertyName name, long[] r) {
        rules.propertyReads(name, r);
    }

    void footprint(PageState s, int unit, long[] r, long[] w) {
        if (s.crashed()) return;                                   // a crashed guest never acts again
        int converters = programs.size();
        int readers = scenario.readers().size();
        if (unit < converters) rules.converter(s.converter(unit).status(), s.converter(unit).pc(), unit, r, w);
        else if (unit < converters + readers) rules.reader(s.reader(unit - converters).done(), unit - converters, r, w);
        else {
            fixed(unit, r, w);
            return;
        }
        if (saturated) saturation(r, w);
    }

    /**
     * {@link #footprint(PageState, int, long[], long[])} of the state encoded at {@code words[base ..]} (fields
     * {@code f}), without decoding it: a footprint reads only the crash, a converter's status and pc, and
     * whether a reader is done.
     */
    void footprint(long[] words, int base, StateWords f, int unit, long[] r, long[] w) {
        if (StateWords.get(words, base, f.crash, PageStateCodec.CAUSE_BITS) != 0) return;
        int converters = programs.size();
        int readers = scenario.readers().size();
        if (unit < converters) {
            int status = StateWords.get(words, base, f.status(unit), PageStateCodec.STATUS_BITS);
            int pc = StateWords.get(words, base, f.pc(unit), PageStateCodec.PC_BITS);
            long[][] reads = unit < converterReads.length ? converterReads[unit][status] : null;
            if (reads != null && pc < reads.length) {
                copy(reads[pc], converterWrites[unit][status][pc], r, w);
                return;
            }
            rules.converter(STATUS[status], pc, unit, r, w);
        } else if (unit < converters + readers) {
            boolean done = StateWords.get(words, base, f.readerDone(unit - converters), 1) != 0;
            if (unit - converters < readerReads.length) {
                if (!done) copy(readerReads[unit - converters], readerWrites[unit - converters], r, w);
                return;
            }
            rules.reader(done, unit - converters, r, w);
        } else {
            fixed(unit, r, w);
            return;
        }
        if (saturated) saturation(r, w);
    }

    private static final ConverterState.Status[] STATUS = ConverterState.Status.values();

    /** The footprint {@code r}, {@code w} of a step over saturated states ({@link Saturation}). */
    void saturation(long[] r, long[] w) {
        fill.apply(r, w);
    }
}
