package pagestate.model.cpu;

import java.util.List;
import pagestate.model.PropertyName;

/**
 * What each action of the page model reads and writes: its partial-order footprint, as bits over the
 * components (every PTE, TLB entry, cache line, page state, page contents, converter, reader, the sticky
 * events and the crash). {@link PageFootprints} finds these once per spec and serves them per state.
 *
 * <p>Sources of each footprint: a TLB fill reads the PTE it caches from (SDM Vol. 3A 4.10.2.3); a cache
 * fill reads every translation of its page (any CPU may fill through any present translation); a
 * write-back reads the page state (a key mismatch corrupts the contents, docs/model.md section 4); an access reads
 * and fills its CPU's TLB entry, walks the PTE, reads the platform state and contents and fills lines
 * (docs/model.md section 5). Every action reads the crash (a crashed guest does nothing) and any action that may meet
 * a fatal outcome writes it, so a reader or converter that may still crash conflicts with everything.
 */
final class FootprintRules {

    private final Scenario scenario;
    private final Layout layout;
    private final List<ConverterProgram> programs;
    private final int hardwareActor;
    private final int pte;
    final int tlb;
    final int line;
    private final int hv;
    private final int contents;
    private final int converter;
    private final int reader;
    private final int events;
    private final int crash;
    private final int bits;
    /** Per reader, the mapping index of its first page and of the page it strays into. */
    private final int[] readerFirst;
    private final int[] readerSecond;

    FootprintRules(Scenario scenario, Layout layout, List<ConverterProgram> programs, int hardwareActor) {
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
    }

    int units() {
        return hardwareActor + layout.tlbCount() + 2 * layout.pages();
    }

    int words() {
        return (bits + 63) / 64;
    }

    /** The units whose footprint does not depend on the state: hosts, TLB entries, cache lines. */
    void stateless(int unit, long[] r, long[] w) {
        int hosts = programs.size() + scenario.readers().size();
        if (unit < hardwareActor) host(unit - hosts, r, w);
        else if (unit < hardwareActor + layout.tlbCount()) tlbEntry(unit - hardwareActor, r, w);
        else cacheLine(unit - hardwareActor - layout.tlbCount(), r, w);
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

    void reader(boolean done, int i, long[] r, long[] w) {
        if (done) return;
        ZeropadReader z = scenario.readers().get(i);
        set(r, reader + i);
        set(w, reader + i);
        access(z.cpu(), readerFirst[i], z.page(), r, w);
        access(z.cpu(), readerSecond[i], z.page() + 1, r, w);
    }

    /** A converter's remaining steps from its program counter, and the allocator's reuse after a failure. */
    void converter(ConverterState.Status status, int pc, int i, long[] r, long[] w) {
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
    }}
