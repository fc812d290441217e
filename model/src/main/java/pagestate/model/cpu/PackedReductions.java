package pagestate.model.cpu;

import static pagestate.model.cpu.StateWords.get;
import static pagestate.model.cpu.StateWords.set;

/**
 * {@link PageModel#canonical} on encoded words, in place: the merges and TLB saturation of
 * {@link Indistinguishable}, then the sort of {@link PageSymmetry}'s settled page classes, then the sort of
 * {@link CpuSymmetry}'s classes, by the same keys, so that the canonical form is bit for bit the encoding
 * of the object version's (PackedSuccessorsTest and PageSymmetryTest compare them on random reachable
 * states). A CPU's TLB row is contiguous in the words, so a CPU class is sorted by moving rows, not
 * entries; a page's fields are spread over the rows, so a page class is sorted field by field.
 */
final class PackedReductions {

    private static final Attribute[] ATTRIBUTES = Attribute.values();   // values() copies: once, not per state

    private final Layout layout;
    private final StateWords f;
    private final Indistinguishable merges;
    private final boolean saturate;
    private final int[][] classes;
    private final int[] readerOn;       // reader running on a CPU, or -1
    private final int rowBits;          // 2 bits a TLB entry of one CPU

    private final PageSymmetry pages;
    private final int[][] pageClasses;

    PackedReductions(Layout layout, StateWords f, Indistinguishable merges, PageSymmetry pages, CpuSymmetry symmetry) {
        this.layout = layout;
        this.pages = pages;
        this.pageClasses = pages.classes();
        this.f = f;
        this.merges = merges;
        this.saturate = merges.saturates();
        this.classes = symmetry.classes();
        this.readerOn = new int[layout.cpus()];
        for (int cpu = 0; cpu < layout.cpus(); cpu++) readerOn[cpu] = symmetry.readerOn(cpu);
        this.rowBits = 2 * layout.mappings() * layout.pages();
        if (rowBits > 32) throw new IllegalArgumentException("a CPU's TLB row exceeds 32 bits: " + layout);
    }

    /** Scratch for one worker's sorts (a class has at most {@code cpus} CPUs). */
    long[] scratch() {
        return new long[3 * layout.cpus()];
    }

    /** Rewrites the state in {@code w[0 ..]} into its canonical form. */
    void canonical(long[] w, long[] scratch) {
        merge(w);
        if (pageClasses.length > 0) sortPages(w);
        for (int[] cls : classes) sort(w, cls, scratch);
    }

    /**
     * {@link PageSymmetry#canonical}: each settled page class's pages in ascending key order, each page
     * moved with its PTEs, its TLB entries on every CPU and its 9 bits of lines, platform state and contents.
     */
    private void sortPages(long[] w) {
        PageSymmetry.PageFields fields = new PageSymmetry.PageFields() {
            @Override public int pte(int mapping, int page) { return get(w, 0, f.pteAt(mapping, page), 2); }
            @Override public int hv(int page) { return get(w, 0, f.hv(page), 2); }
            @Override public int contents(int page) { return get(w, 0, f.contents(page), 3); }
            @Override public int line(int page, Attribute key) { return get(w, 0, f.line(page, key), 2); }
            @Override public int tlb(int cpu, int mapping, int page) { return get(w, 0, f.tlbAt(cpu, mapping, page), 2); }
        };
        int[] scratch = pages.scratch();
        for (int k = 0; k < pageClasses.length; k++) {
            int conv = pages.converterOf(k);
            if (conv >= 0 && !pages.settled(k, get(w, 0, f.pc(conv), PageStateCodec.PC_BITS),
                    get(w, 0, f.status(conv), PageStateCodec.STATUS_BITS))) continue;
            int[] order = pages.order(fields, k, scratch);
            if (order == null) continue;
            int[] cls = pageClasses[k];
            int n = cls.length;
            int perPage = layout.pteMappings() + 1 + layout.cpus() * layout.mappings();
            int[] saved = new int[n * perPage];
            for (int j = 0; j < n; j++) {
                int p = cls[j];
                int at = j * perPage;
                for (int mi = 0; mi < layout.pteMappings(); mi++) saved[at++] = get(w, 0, f.pteAt(mi, p), 2);
                saved[at++] = get(w, 0, f.line(p, Attribute.PRIVATE), StateWords.PAGE_BITS);
                for (int cpu = 0; cpu < layout.cpus(); cpu++) {
                    for (int mi = 0; mi < layout.mappings(); mi++) saved[at++] = get(w, 0, f.tlbAt(cpu, mi, p), 2);
                }
            }
            for (int j = 0; j < n; j++) {
                int p = cls[j];
                int at = order[j] * perPage;
                for (int mi = 0; mi < layout.pteMappings(); mi++) set(w, 0, f.pteAt(mi, p), 2, saved[at++]);
                set(w, 0, f.line(p, Attribute.PRIVATE), StateWords.PAGE_BITS, saved[at++]);
                for (int cpu = 0; cpu < layout.cpus(); cpu++) {
                    for (int mi = 0; mi < layout.mappings(); mi++) set(w, 0, f.tlbAt(cpu, mi, p), 2, saved[at++]);
                }
            }
        }
    }

    /** {@link Indistinguishable#canonical}: clean lines dropped, TLB entries saturated (or merged away). */
    private void merge(long[] w) {
        for (int page = 0; page < layout.pages(); page++) {
            for (Attribute key : ATTRIBUTES) {
                int at = f.line(page, key);
                if (get(w, 0, at, 2) == Line.CLEAN.ordinal()) set(w, 0, at, 2, Line.NONE.ordinal());
            }
        }
        boolean crashed = get(w, 0, f.crash, PageStateCodec.CAUSE_BITS) != 0;
        for (Mapping m : layout.mappingList()) {
            for (int page = 0; page < layout.pages(); page++) {
                int to;   // what the entries of this mapping and page become on every CPU, or -1
                if (saturate) {
                    // the empty entries get what a fill from the PTE caches (Hardware.fillable)
                    int pte = layout.hasPte(m) && !crashed ? get(w, 0, f.pte(m, page), 2) : 0;
                    if ((pte & 2) == 0) continue;
                    to = TlbEntry.cached(ATTRIBUTES[pte & 1]).ordinal();
                    for (int cpu = 0; cpu < layout.cpus(); cpu++) {
                        int at = f.tlb(cpu, m, page);
                        if (get(w, 0, at, 2) == 0) set(w, 0, at, 2, to);
                    }
                } else if (merges.stable(page) && m.hasPte()) {   // not the lazy alias's: no PTE to walk
                    for (int cpu = 0; cpu < layout.cpus(); cpu++) set(w, 0, f.tlb(cpu, m, page), 2, 0);
                }
            }
        }
    }

    /**
     * {@link CpuSymmetry#canonical} for one class: the (TLB row, reader) tuples in ascending key order,
     * stably, given back to the class's CPUs in ascending order.
     */
    private void sort(long[] w, int[] cls, long[] scratch) {
        int n = cls.length;
        boolean sorted = true;
        for (int k = 0; k < n; k++) {
            int cpu = cls[k];
            long row = get(w, 0, f.tlbRow(cpu), rowBits) & 0xFFFFFFFFL;
            int reader = readerOn[cpu] < 0 ? -1 : get(w, 0, f.readerDone(readerOn[cpu]), StateWords.READER_BITS);
            scratch[n + k] = row;
            scratch[2 * n + k] = reader;
            scratch[k] = key(row, reader);
            if (k > 0 && scratch[k - 1] > scratch[k]) sorted = false;
        }
        if (sorted) return;
        // stable insertion sort of the tuples by key (classes have at most 8 CPUs)
        for (int i = 1; i < n; i++) {
            for (int j = i; j > 0 && scratch[j - 1] > scratch[j]; j--) {
                for (int part = 0; part < 3; part++) {
                    long t = scratch[part * n + j];
                    scratch[part * n + j] = scratch[part * n + j - 1];
                    scratch[part * n + j - 1] = t;
                }
            }
        }
        for (int k = 0; k < n; k++) {
            int cpu = cls[k];
            set(w, 0, f.tlbRow(cpu), rowBits, (int) scratch[n + k]);
            if (readerOn[cpu] >= 0) set(w, 0, f.readerDone(readerOn[cpu]), StateWords.READER_BITS, (int) scratch[2 * n + k]);
        }
    }

    /**
     * CpuSymmetry's key: the row's entries with the first most significant (the words hold it least
     * significant: reverse the 2-bit groups), then the reader's done bit and outcome.
     */
    private long key(long row, int reader) {
        long k = 0;
        if (rowBits > 0) {
            long r = Long.reverse(row);
            r = ((r & 0x5555555555555555L) << 1) | ((r >>> 1) & 0x5555555555555555L);   // each group's 2 bits back in order
            k = r >>> (64 - rowBits);
        }
        if (reader >= 0) k = (k << 6) | ((reader & 1) << 5) | (reader >>> 1);
        return k;
    }
}
