package pagestate.model.cpu;

import static pagestate.model.cpu.StateWords.get;
import static pagestate.model.cpu.StateWords.set;

/**
 * {@link PageSymmetry#canonical} on encoded words, in place, with no allocation: each settled page class's
 * pages in ascending order of {@link PageSymmetry#key} (computed here from the words, with each field's
 * position found once per spec), stably, each page moved with its PTEs, its TLB entries on every CPU and its
 * 9 bits of lines, platform state and contents. A worker's scratch holds the keys, the order and the
 * fields being moved ({@link #scratchSize}).
 */
final class PackedPageSort {

    private final PageSymmetry pages;
    private final int[][] classes;
    private final int[][] cpuSlots;
    private final int mappings;
    private final int[] pcAt;        // by class: where its converter's pc and status are, or -1
    private final int[] statusAt;
    private final int[][] pteAt;     // [page][mapping with a PTE]
    private final int[] pageAt;      // [page]: its 9 bits (lines, platform state, contents)
    private final int[][] tlbAt;     // [page][cpu * mappings + mapping]
    private final int perPage;       // fields moved with a page
    private final int largest;       // the largest class

    PackedPageSort(Layout layout, StateWords f, PageSymmetry pages) {
        this.pages = pages;
        this.classes = pages.classes();
        this.cpuSlots = pages.cpuSlots();
        this.mappings = layout.mappings();
        this.pcAt = new int[classes.length];
        this.statusAt = new int[classes.length];
        int most = 0;
        for (int k = 0; k < classes.length; k++) {
            int conv = pages.converterOf(k);
            pcAt[k] = conv < 0 ? -1 : f.pc(conv);
            statusAt[k] = conv < 0 ? -1 : f.status(conv);
            most = Math.max(most, classes[k].length);
        }
        this.largest = most;
        this.pteAt = new int[layout.pages()][layout.pteMappings()];
        this.pageAt = new int[layout.pages()];
        this.tlbAt = new int[layout.pages()][layout.cpus() * mappings];
        for (int p = 0; p < layout.pages(); p++) {
            for (int mi = 0; mi < layout.pteMappings(); mi++) pteAt[p][mi] = f.pteAt(mi, p);
            pageAt[p] = f.line(p, Attribute.PRIVATE);
            for (int cpu = 0; cpu < layout.cpus(); cpu++) {
                for (int mi = 0; mi < mappings; mi++) tlbAt[p][cpu * mappings + mi] = f.tlbAt(cpu, mi, p);
            }
        }
        this.perPage = layout.pteMappings() + 1 + layout.cpus() * mappings;
    }

    /** Longs of scratch {@link #sort} needs. */
    int scratchSize() {
        return largest * (2 + perPage);
    }

    /** Sorts every settled class of the state in {@code w[0 ..]}, with {@code scratch[base ..]}. */
    void sort(long[] w, long[] scratch, int base) {
        for (int k = 0; k < classes.length; k++) {
            if (pcAt[k] >= 0 && !pages.settled(k, get(w, 0, pcAt[k], PageStateCodec.PC_BITS),
                    get(w, 0, statusAt[k], PageStateCodec.STATUS_BITS))) continue;
            sort(w, classes[k], scratch, base);
        }
    }

    private void sort(long[] w, int[] cls, long[] scratch, int base) {
        int n = cls.length;
        int keys = base;
        int order = base + n;
        int saved = base + 2 * n;
        boolean sorted = true;
        for (int j = 0; j < n; j++) {
            scratch[keys + j] = key(w, cls[j]);
            if (j > 0 && scratch[keys + j] < scratch[keys + j - 1]) sorted = false;
        }
        if (sorted) return;
        // PageSymmetry.order: order[j] is the position of the page whose fields go to the j-th page; stable
        for (int i = 0; i < n; i++) {
            int j = i;
            while (j > 0 && scratch[keys + i] < scratch[keys + (int) scratch[order + j - 1]]) {
                scratch[order + j] = scratch[order + j - 1];
                j--;
            }
            scratch[order + j] = i;
        }
        for (int j = 0; j < n; j++) {
            int p = cls[j];
            int at = saved + j * perPage;
            for (int pos : pteAt[p]) scratch[at++] = get(w, 0, pos, 2);
            scratch[at++] = get(w, 0, pageAt[p], StateWords.PAGE_BITS);
            for (int pos : tlbAt[p]) scratch[at++] = get(w, 0, pos, 2);
        }
        for (int j = 0; j < n; j++) {
            int p = cls[j];
            int at = saved + (int) scratch[order + j] * perPage;
            for (int pos : pteAt[p]) set(w, 0, pos, 2, (int) scratch[at++]);
            set(w, 0, pageAt[p], StateWords.PAGE_BITS, (int) scratch[at++]);
            for (int pos : tlbAt[p]) set(w, 0, pos, 2, (int) scratch[at++]);
        }
    }

    /**
     * {@link PageSymmetry#key} on the words: the PTEs, platform state, contents and lines, then per mapping
     * the TLB entries of each fixed CPU and each CPU class's entries in ascending order.
     */
    private long key(long[] w, int p) {
        long k = 0;
        for (int pos : pteAt[p]) k = (k << 2) | get(w, 0, pos, 2);
        int x = get(w, 0, pageAt[p], StateWords.PAGE_BITS);   // lines 0-3, platform state 4-5, contents 6-8
        k = (k << 2) | ((x >>> 4) & 3);
        k = (k << 3) | (x >>> 6);
        k = (k << 2) | (x & 3);
        k = (k << 2) | ((x >>> 2) & 3);
        int[] tlb = tlbAt[p];
        for (int mi = 0; mi < mappings; mi++) {
            for (int[] slot : cpuSlots) {
                if (slot.length == 1) {
                    k = (k << 2) | get(w, 0, tlb[slot[0] * mappings + mi], 2);
                    continue;
                }
                long counts = 0;   // how many entries have each 2-bit value, 16 bits a value: a counting sort
                for (int cpu : slot) counts += 1L << 16 * get(w, 0, tlb[cpu * mappings + mi], 2);
                for (int v = 0; v < 4; v++) {
                    for (long c = (counts >>> 16 * v) & 0xFFFF; c > 0; c--) k = (k << 2) | v;
                }
            }
        }
        return k;
    }
}
