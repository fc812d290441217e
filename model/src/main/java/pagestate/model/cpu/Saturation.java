package pagestate.model.cpu;

import java.util.Arrays;

/**
 * The footprint of a step over saturated states ({@link Indistinguishable}: every TLB entry holds what the
 * hardware may cache): the action and then the fills it makes possible, for {@link PageFootprints}.
 * Footprint bits: the PTEs from 0, the TLB entries from {@code tlb}, the cache lines from {@code line}.
 */
final class Saturation {

    private static final int PTE = 0;
    private final int tlb;
    private final int line;
    /** Per TLB entry, the PTE it is filled from (an index among the PTEs), or -1 for none. */
    private final int[] pteOfEntry;
    /** Per PTE, the TLB entries (on every CPU) filled from it. */
    private final int[][] entriesOfPte;

    Saturation(Layout layout, int tlb, int line) {
        this.tlb = tlb;
        this.line = line;
        this.pteOfEntry = new int[layout.tlbCount()];
        Arrays.fill(pteOfEntry, -1);
        int[] perPte = new int[layout.pteCount()];
        for (int cpu = 0; cpu < layout.cpus(); cpu++) {
            for (Mapping m : layout.mappingList()) {
                if (!layout.hasPte(m)) continue;
                for (int page = 0; page < layout.pages(); page++) {
                    int p = layout.pteIndex(m, page);
                    pteOfEntry[layout.tlbIndex(cpu, m, page)] = p;
                    perPte[p]++;
                }
            }
        }
        this.entriesOfPte = new int[layout.pteCount()][];
        for (int p = 0; p < perPte.length; p++) entriesOfPte[p] = new int[perPte[p]];
        int[] filled = new int[layout.pteCount()];
        for (int e = 0; e < pteOfEntry.length; e++) {
            int p = pteOfEntry[e];
            if (p >= 0) entriesOfPte[p][filled[p]++] = e;
        }
    }

    /**
     * Over saturated states a step is the action and then the fills it makes possible: of an entry it
     * emptied (reading that entry's PTE), and of the entries of a PTE it wrote (on every CPU). Only the
     * entries and PTEs the step writes are visited (the fill pairs are precomputed).
     */
    void apply(long[] r, long[] w) {
        for (int b = nextSet(w, tlb, line); b < line; b = nextSet(w, b + 1, line)) {
            int p = pteOfEntry[b - tlb];
            if (p < 0) continue;
            set(r, PTE + p);
            set(r, b);
        }
        for (int b = nextSet(w, PTE, tlb); b < tlb; b = nextSet(w, b + 1, tlb)) {
            int p = b - PTE;
            if (entriesOfPte[p].length == 0) continue;
            set(r, b);
            for (int e : entriesOfPte[p]) {
                set(r, tlb + e);
                set(w, tlb + e);
            }
        }
    }

    /** The first bit set in {@code a} in {@code [from, to)}, or {@code to}. */
    private static int nextSet(long[] a, int from, int to) {
        while (from < to) {
            long word = a[from >>> 6] & (-1L << (from & 63));
            if (word != 0) return Math.min(to, (from & ~63) + Long.numberOfTrailingZeros(word));
            from = (from & ~63) + 64;
        }
        return to;
    }

    private static void set(long[] a, int bit) {
        a[bit >>> 6] |= 1L << (bit & 63);
    }
}
