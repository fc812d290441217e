package pagestate.model.cpu;

import pagestate.model.PropertyName;
import java.util.List;

/**
 * Partial-order units and footprints of the page model. Units: one per converter, reader and host (the
 * actor's index), then the hardware split finely: one unit per TLB entry (its fill and eviction) and one
 * per cache line (page, key: its fill and write-back). Components (bits): every PTE, TLB entry, cache
 * line, page state, page contents, converter, reader, the sticky events and the crash.
 *
 * <p>Sources of each footprint: a TLB fill reads the PTE it caches from (SDM Vol. 3A 4.10.2.3); a cache
 * fill reads every translation of its page (any CPU may fill through any present translation); a
 * write-back reads the page state (a key mismatch corrupts the contents, docs/model.md section 4); an access reads
 * and fills its CPU's TLB entry, walks the PTE, reads the platform state and contents and fills lines
 * (docs/model.md section 5). Every action reads the crash (a crashed guest does nothing) and any action that may meet
 * a fatal outcome writes it, so a reader or converter that may still crash conflicts with everything.
 */
final class PageFootprints {

    private final Scenario scenario;
    private final Layout layout;
    private final List<ConverterProgram> programs;
    private final int hardwareActor;
    private final int pte;
    private final int tlb;
    private final int line;
    private final int hv;
    private final int contents;
    private final int converter;
    private final int reader;
    private final int events;
    private final int crash;
    private final int bits;
    private final boolean saturated;
    /** The fills a step makes possible, over saturated states. */
    private final Saturation fill;
    /** Per reader, the mapping index of its first page and of the page it strays into. */
    private final int[] readerFirst;
    private final int[] readerSecond;
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
        this.pte = 0;
        this.tlb = pte + layout.pteCount();
        this.line = tlb + layout.tlbCount();
        this.hv = line + 2 * layout.pages();
        this.contents = hv + layout.pages();
        this.converter = contents + layout.pages();
        this.reader = converter + programs.size();
        this.events = reader + scenario.readers().size();
        this.crash = events + 1;
        this.bits = crash + 1;
        this.readerFirst = new int[scenario.readers().size()];
        this.readerSecond = new int[scenario.readers().size()];
        for (int i = 0; i < readerFirst.length; i++) {
            readerFirst[i] = layout.indexOf(scenario.readers().get(i).firstPageMapping());
            readerSecond[i] = layout.indexOf(scenario.readers().get(i).via());
        }
        this.fill = new Saturation(layout, tlb, line);
        int first = programs.size() + scenario.readers().size();
        this.fixedReads = new long[units() - first][];
        this.fixedWrites = new long[units() - first][];
        for (int u = first; u < units(); u++) {
            long[] r = new long[words()];
            long[] w = new long[words()];
            stateless(u, r, w);
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
            reader(false, i, readerReads[i], readerWrites[i]);
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
                    converter(status, pc, x, r[pc], w[pc]);
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
        return hardwareActor + layout.tlbCount() + 2 * layout.pages();
    }

    int words() {
        return (bits + 63) / 64;
    }

    void footprint(PageState s, int unit, long[] r, long[] w) {
        if (s.crashed()) return;                                   // a crashed guest never acts again
        int converters = programs.size();
        int readers = scenario.readers().size();
        if (unit < converters) converter(s.converter(unit).status(), s.converter(unit).pc(), unit, r, w);
        else if (unit < converters + readers) reader(s.reader(unit - converters).done(), unit - converters, r, w);
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
            converter(STATUS[status], pc, unit, r, w);
        } else if (unit < converters + readers) {
            boolean done = StateWords.get(words, base, f.readerDone(unit - converters), 1) != 0;
            if (unit - converters < readerReads.length) {
                if (!done) copy(readerReads[unit - converters], readerWrites[unit - converters], r, w);
                return;
            }
            reader(done, unit - converters, r, w);
        } else {
            fixed(unit, r, w);
            return;
        }
        if (saturated) saturation(r, w);
    }

    private static final ConverterState.Status[] STATUS = ConverterState.Status.values();

    /** The units whose footprint does not depend on the state: hosts, TLB entries, cache lines. */
    private void stateless(int unit, long[] r, long[] w) {
        int hosts = programs.size() + scenario.readers().size();
        if (unit < hardwareActor) host(unit - hosts, r, w);
        else if (unit < hardwareActor + layout.tlbCount()) tlbEntry(unit - hardwareActor, r, w);
        else cacheLine(unit - hardwareActor - layout.tlbCount(), r, w);
    }

    /** The footprint {@code r}, {@code w} of a step over saturated states ({@link Saturation}). */
    void saturation(long[] r, long[] w) {
        fill.apply(r, w);
    }

    private void tlbEntry(int index, long[] r, long[] w) {
        if (!scenario.hardwareOn(HardwareAction.TLB_FILL) && !scenario.hardwareOn(HardwareAction.TLB_EVICT)) return;
        set(r, crash);
        set(r, tlb + index);
        set(w, tlb + index);
        int perCpu = layout.mappings() * layout.pages();
        int m = (index % perCpu) / layout.pages();
        int page = index % layout.pages();
        if (m < layout.pteMappings()) set(r, pte + m * layout.pages() + page);
    }

    private void cacheLine(int index, long[] r, long[] w) {
        int page = index / 2;
        boolean fill = scenario.hardwareOn(HardwareAction.CACHE_FILL);
        boolean writeBack = scenario.hardwareOn(HardwareAction.WRITEBACK);
        if (!fill && !writeBack) return;
        set(r, crash);
        set(r, line + index);
        set(w, line + index);
        if (fill) {
            for (int cpu = 0; cpu < layout.cpus(); cpu++) {
                for (Mapping m : layout.mappingList()) set(r, tlb + layout.tlbIndex(cpu, m, page));
            }
            for (int m = 0; m < layout.pteMappings(); m++) set(r, pte + m * layout.pages() + page);
        }
        if (writeBack) {
            set(r, hv + page);
            set(w, contents + page);
        }
    }

    private void host(int i, long[] r, long[] w) {
        int page = scenario.hosts().get(i).page();
        set(r, crash);
        set(r, hv + page);
        set(r, contents + page);
        set(w, contents + page);
        set(r, events);
        set(w, events);
    }

    private void reader(boolean done, int i, long[] r, long[] w) {
        if (done) return;
        ZeropadReader z = scenario.readers().get(i);
        set(r, reader + i);
        set(w, reader + i);
        access(z.cpu(), readerFirst[i], z.page(), r, w);
        access(z.cpu(), readerSecond[i], z.page() + 1, r, w);
    }

    /** A converter's remaining steps from its program counter, and the allocator's reuse after a failure. */
    private void converter(ConverterState.Status status, int pc, int i, long[] r, long[] w) {
        ConverterProgram prog = programs.get(i);
        boolean reuse = status == ConverterState.Status.FAILED_FREED && pc == prog.reuseIndex();
        boolean running = status == ConverterState.Status.RUNNING || status == ConverterState.Status.CLEANING_UP;
        if (!running && !reuse) return;
        Converter c = prog.converter();
        set(r, converter + i);
        set(w, converter + i);
        set(r, events);
        set(w, events);
        set(r, crash);
        if (reuse || scenario.onError() == ErrorPath.FREE) {
            for (int page : c.pages()) access(c.cpu(), 0, page, r, w);
        }
        if (reuse) return;
        for (int k = pc; k < prog.ops().size(); k++) {
            ConverterProgram.Op op = prog.ops().get(k);
            switch (op.kind()) {
                case STEP -> step(c, op.primitive(), op.via(), r, w);
                case OWNER_WRITE, OWNER_READ, REUSE_WRITE -> {
                    for (int page : c.pages()) access(c.cpu(), layout.indexOf(c.via()), page, r, w);
                }
            }
        }
    }

    private void step(Converter c, Primitive p, Mapping via, long[] r, long[] w) {
        switch (p) {
            case UNMAP_ALIASES -> {
                if (layout.has(Mapping.LAZY)) {
                    for (int cpu = 0; cpu < layout.cpus(); cpu++) {
                        for (int page = 0; page < layout.pages(); page++) set(w, tlb + layout.tlbIndex(cpu, Mapping.LAZY, page));
                    }
                }
            }
            case CLEAR_PRESENT, SET_PRESENT, FLIP, CLEAR_PRESENT_AND_FLIP -> {
                for (int m = 0; m < layout.pteMappings(); m++) {
                    for (int page : c.pages()) {
                        set(r, pte + m * layout.pages() + page);
                        set(w, pte + m * layout.pages() + page);
                    }
                }
            }
            case FLUSH_TLB -> {
                for (int cpu = 0; cpu < layout.cpus(); cpu++) {
                    for (Mapping m : layout.mappingList()) {
                        if (!m.hasPte()) continue;
                        for (int page : c.pages()) set(w, tlb + layout.tlbIndex(cpu, m, page));
                    }
                }
            }
            case WBINVD -> {
                // the platform may trap it (PlatformRules.wbinvd): an event, or the crash
                set(w, crash);
                set(r, events);
                set(w, events);
                for (int page = 0; page < layout.pages(); page++) pageData(page, r, w);
            }
            case FLUSH_CACHE, PVALIDATE, RESCIND -> {
                set(w, crash);
                for (int page : c.pages()) {
                    access(c.cpu(), layout.indexOf(via), page, r, w);   // through the step's mapping (Phase.via)
                    pageData(page, r, w);
                }
            }
            case MAP_GPA, ACCEPT, PSC, HV_VISIBILITY -> {
                for (int page : c.pages()) pageData(page, r, w);
            }
        }
    }

    /** The platform state, contents and cache lines of a page, read and written. */
    private void pageData(int page, long[] r, long[] w) {
        for (int bit : new int[] {hv + page, contents + page, line + 2 * page, line + 2 * page + 1}) {
            set(r, bit);
            set(w, bit);
        }
    }

    /** One access by {@code cpu} to {@code page} through mapping index {@code m} (0: the direct map; Accesses.read/write). */
    private void access(int cpu, int m, int page, long[] r, long[] w) {
        int entry = tlb + layout.tlbIndexAt(cpu, m, page);
        set(r, entry);
        set(w, entry);
        if (m < layout.pteMappings()) set(r, pte + m * layout.pages() + page);
        pageData(page, r, w);
        set(r, events);
        set(w, events);
        set(r, crash);
        set(w, crash);
    }

    void propertyReads(PropertyName name, long[] r) {
        switch (name) {
            case NO_FATAL -> set(r, crash);
            case NO_COCO_EXCEPTION, NO_SECRET_TO_HOST, NO_GARBAGE_CONSUMED, SNP_VALIDATION_ORDER,
                    FAILED_CONVERSION_NOT_FREED -> set(r, events);
            case ZEROPAD_RETURNS -> range(r, reader, scenario.readers().size());
            case TRANSLATIONS_CONSISTENT, ALIASES_AGREE -> {
                range(r, pte, layout.pteCount());
                range(r, tlb, layout.tlbCount());
                range(r, hv, layout.pages());
            }
            case NO_STALE_TLB_AFTER_DONE -> {
                range(r, tlb, layout.tlbCount());
                range(r, converter, programs.size());
            }
            case NO_STALE_DIRTY_LINE -> {
                range(r, hv, layout.pages());
                range(r, line, 2 * layout.pages());
            }
            default -> range(r, 0, bits);                  // unknown to this table: reads everything
        }
    }

    private static void range(long[] a, int from, int count) {
        for (int b = from; b < from + count; b++) set(a, b);
    }

    private static void set(long[] a, int bit) {
        a[bit >>> 6] |= 1L << (bit & 63);
    }
}
