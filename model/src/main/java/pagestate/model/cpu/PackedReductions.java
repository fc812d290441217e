package pagestate.model.cpu;

import pagestate.model.PaddedFields;

import static pagestate.model.cpu.StateWords.get;
import static pagestate.model.cpu.StateWords.set;

/**
 * {@link PageModel#canonical} on encoded words, in place: the merges and TLB saturation of
 * {@link Indistinguishable}, then the sort of {@link PageSymmetry}'s settled page classes, then the sort of
 * {@link CpuSymmetry}'s classes, by the same keys, so that the canonical form is bit for bit the encoding
 * of the object version's (PackedSuccessorsTest and PageSymmetryTest compare them on random reachable
 * states). A CPU's TLB row is contiguous in the words, so a CPU class is sorted by moving rows, not
 * entries; a page's fields are spread over the rows, so a page class is sorted field by field
 * ({@link PackedPageSort}).
 */
final class PackedReductions {

    private final StateWords f;
    private final boolean saturate;
    private final int[][] classes;
    private final int rowBits;          // 2 bits a TLB entry of one CPU
    private final int[] rowAt;          // where each CPU's TLB row starts
    private final int[] readerAt;       // where the done bit of the reader on each CPU is, or -1
    private final Merges m;
    private final DeadTlbEntries dead;

    private final PackedPageSort pages;   // null when no pages are interchangeable
    private final int cpuScratch;

    PackedReductions(Layout layout, StateWords f, Indistinguishable merges, PageSymmetry pages, CpuSymmetry symmetry) {
        this.pages = pages.any() ? new PackedPageSort(layout, f, pages) : null;
        this.cpuScratch = 3 * layout.cpus();
        this.f = f;
        this.saturate = merges.saturates();
        this.classes = symmetry.classes();
        this.rowBits = 2 * layout.mappings() * layout.pages();
        if (rowBits > 32) throw new IllegalArgumentException("a CPU's TLB row exceeds 32 bits: " + layout);
        this.rowAt = new int[layout.cpus()];
        this.readerAt = new int[layout.cpus()];
        for (int cpu = 0; cpu < layout.cpus(); cpu++) {
            rowAt[cpu] = rowBits == 0 ? 0 : f.tlbRow(cpu);
            int reader = symmetry.readerOn(cpu);   // the reader running on the CPU, or -1
            readerAt[cpu] = reader < 0 ? -1 : f.readerDone(reader);
        }
        this.m = new Merges(layout, f, merges);
        this.dead = merges.dead();
    }

    /** Whether the form saturates TLBs ({@link Indistinguishable#saturates()}). */
    boolean saturates() {
        return saturate;
    }

    /**
     * The TLB entries a watched property may read in the state at {@code w[base ..]}
     * ({@link DeadTlbEntries#watchedByProperties}); -1 (every one) when none merges.
     */
    long watchedByProperties(long[] w, int base, long watched) {
        return dead.on() ? dead.watchedByProperties(w, base, f, watched) : -1L;
    }

    /** The entries of {@code cpu}'s row nothing reads again in the state at {@code w[base ..]}. */
    long dead(long[] w, int base, int cpu, long byProperties) {
        return byProperties == -1L ? 0 : dead.dead(w, base, f, cpu, byProperties);
    }

    /**
     * Scratch for one worker's sorts, written for every successor: the CPU sort's first (a class has at most
     * {@code cpus} CPUs), then the pages', between {@link PaddedFields#PAD_ELEMENTS} unused longs at either end.
     */
    long[] scratch() {
        return new long[PAD + cpuScratch + (pages == null ? 0 : pages.scratchSize()) + PAD];
    }

    private static final int PAD = PaddedFields.PAD_ELEMENTS;

    /** Rewrites the state in {@code w[0 ..]} into its canonical form, every property watched. */
    void canonical(long[] w, long[] scratch) {
        canonical(w, scratch, -1L);
    }

    /**
     * Rewrites the state in {@code w[0 ..]} into its canonical form when only the properties in
     * {@code watched} still need checking ({@link Indistinguishable#canonical(PageState, long)}).
     */
    void canonical(long[] w, long[] scratch, long watched) {
        merge(w, watched);
        if (pages != null) pages.sort(w, scratch, PAD + cpuScratch);
        for (int[] cls : classes) sort(w, cls, scratch);
    }

    /**
     * {@link Indistinguishable#canonical}: clean lines dropped, TLB entries saturated (or merged away), on
     * whole words and rows with the masks {@link Merges} computed once per spec.
     */
    private void merge(long[] w, long watched) {
        m.dropCleanLines(w);
        if (rowBits == 0) return;
        long fill = 0;    // saturation: what a fill from each PTE caches, as a TLB row (0: nothing)
        long keep = -1L;  // otherwise: the entries that stay (a stable page's are merged away)
        long byProperties = -1L;   // the entries a watched property may read, on every CPU
        boolean fills = saturate;   // saturation: not after a crash (nothing follows it)
        if (saturate) {
            fills = get(w, 0, f.crash, PageStateCodec.CAUSE_BITS) == 0;
            fill = Merges.fills(get(w, 0, 0, m.pteBits));
            // dead entries merge after a crash too: nothing moves, only the watched properties read one
            if (dead.on()) byProperties = dead.watchedByProperties(w, 0, f, watched);
            if ((!fills || fill == 0) && byProperties == -1L) return;
        } else {
            keep = ~m.stableEntries;
            if (keep == -1L) return;
        }
        for (int cpu = 0; cpu < rowAt.length; cpu++) {
            long row = get(w, 0, rowAt[cpu], rowBits) & 0xFFFFFFFFL;
            long merged = fills ? Merges.saturated(row, fill) : saturate ? row : row & keep;
            if (byProperties != -1L) {
                // DeadTlbEntries: what nothing reads again holds what a fill leaves (none without a PTE)
                long d = dead.dead(w, 0, f, cpu, byProperties);
                merged = (merged & ~d) | (fill & d);
            }
            if (merged != row) set(w, 0, rowAt[cpu], rowBits, (int) merged);
        }
    }

    /**
     * {@link CpuSymmetry#canonical} for one class: the (TLB row, reader) tuples in ascending key order,
     * stably, given back to the class's CPUs in ascending order.
     */
    private void sort(long[] w, int[] cls, long[] scratch) {
        int n = cls.length;
        boolean sorted = true;
        boolean readers = readerAt[cls[0]] >= 0;   // a class's CPUs all run the same reader, or none
        for (int k = 0; k < n; k++) {
            int cpu = cls[k];
            long row = get(w, 0, rowAt[cpu], rowBits) & 0xFFFFFFFFL;
            scratch[PAD + k] = readers ? key(row, get(w, 0, readerAt[cpu], StateWords.READER_BITS)) : key(row, -1);
            if (k > 0 && scratch[PAD + k - 1] > scratch[PAD + k]) sorted = false;
        }
        if (sorted) return;
        // insertion sort of the keys (classes have at most 8 CPUs); a key gives back its row and reader
        for (int i = 1; i < n; i++) {
            long x = scratch[PAD + i];
            int j = i;
            for (; j > 0 && scratch[PAD + j - 1] > x; j--) scratch[PAD + j] = scratch[PAD + j - 1];
            scratch[PAD + j] = x;
        }
        for (int k = 0; k < n; k++) {
            int cpu = cls[k];
            long key = scratch[PAD + k];
            if (readers) {
                set(w, 0, readerAt[cpu], StateWords.READER_BITS, (int) (((key >>> 5) & 1) | ((key & 31) << 1)));
                key >>>= 6;
            }
            if (rowBits > 0) set(w, 0, rowAt[cpu], rowBits, (int) groupsReversed(key << (64 - rowBits)));
        }
    }

    /**
     * CpuSymmetry's key: the row's entries with the first most significant (the words hold it least
     * significant: reverse the 2-bit groups), then the reader's done bit and outcome. Equal keys are equal
     * (row, reader) pairs, so a sort of the keys alone is stable.
     */
    private long key(long row, int reader) {
        long k = rowBits > 0 ? groupsReversed(row) >>> (64 - rowBits) : 0;
        if (reader >= 0) k = (k << 6) | ((reader & 1) << 5) | (reader >>> 1);
        return k;
    }

    /** The 32 2-bit groups of {@code x} in reverse order, each group's 2 bits kept in order (its own inverse). */
    private static long groupsReversed(long x) {
        long r = Long.reverse(x);
        return ((r & 0x5555555555555555L) << 1) | ((r >>> 1) & 0x5555555555555555L);
    }
}
