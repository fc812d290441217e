package pagestate.model.cpu;

import java.util.Arrays;
import java.util.List;

/**
 * The bounds of a state: how many CPUs and pages, which mappings exist, and where each piece sits in the
 * arrays. The chosen mappings are numbered 0..mappings()-1 in {@link Mapping} order (the direct map is
 * always 0, and those with a PTE come first), and every array is indexed by that number; {@link #kind}
 * says which mapping an index is.
 */
public final class Layout {

    private final int cpus;
    private final int pages;
    private final Mapping[] kinds;        // by index
    private final int[] indexOfKind;      // by Mapping ordinal; -1 when the spec has no such mapping
    private final int pteMappings;

    /** The first {@code mappings} kinds ({@code mappings N} in a spec). */
    public Layout(int cpus, int mappings, int pages) {
        this(cpus, Mapping.first(mappings), pages);
    }

    /** @param kinds the mappings that exist, in {@link Mapping} order, without repeats, the direct map first */
    public Layout(int cpus, List<Mapping> kinds, int pages) {
        this.cpus = cpus;
        this.pages = pages;
        this.kinds = kinds.toArray(new Mapping[0]);
        this.indexOfKind = new int[Mapping.values().length];
        Arrays.fill(indexOfKind, -1);
        int ptes = 0;
        for (int i = 0; i < this.kinds.length; i++) {
            Mapping m = this.kinds[i];
            if (indexOfKind[m.ordinal()] >= 0 || (i > 0 && m.ordinal() < this.kinds[i - 1].ordinal())) {
                throw new IllegalArgumentException("mappings must be distinct and in order: " + kinds);
            }
            indexOfKind[m.ordinal()] = i;
            if (m.hasPte()) ptes++;
        }
        if (this.kinds.length > 0 && this.kinds[0] != Mapping.DIRECT) {   // (no mapping at all: bit-layout tests)
            throw new IllegalArgumentException("every page has the direct map: " + kinds);
        }
        this.pteMappings = ptes;
    }

    public int cpus() { return cpus; }
    public int pages() { return pages; }

    /** How many mappings a page has. */
    public int mappings() { return kinds.length; }

    /** The kind of mapping {@code index}. */
    public Mapping kind(int index) { return kinds[index]; }

    /** The index of mapping {@code m}, or -1 when the spec does not have it. */
    public int indexOf(Mapping m) { return indexOfKind[m.ordinal()]; }

    public boolean has(Mapping m) { return indexOfKind[m.ordinal()] >= 0; }

    /** The mappings with a PTE (the direct map and the vmalloc alias; the lazy alias has none): indices 0..n-1. */
    public int pteMappings() {
        return pteMappings;
    }

    /** Whether mapping {@code m} has a PTE of its own in this layout (else it has none, see {@link #pteMappings}). */
    boolean hasPte(Mapping m) {
        return m.hasPte() && has(m);
    }

    int pteIndex(Mapping m, int page) {
        return indexOfKind[m.ordinal()] * pages + page;
    }

    int tlbIndex(int cpu, Mapping m, int page) {
        int index = indexOfKind[m.ordinal()];
        if (index < 0) throw new IllegalArgumentException("no " + m.label() + " mapping in " + this);
        return tlbIndexAt(cpu, index, page);
    }

    /** The TLB entry of mapping index {@code mapping} (not a kind: see {@link #kind}). */
    int tlbIndexAt(int cpu, int mapping, int page) {
        return (cpu * kinds.length + mapping) * pages + page;
    }

    int pteCount() {
        return pteMappings * pages;
    }

    int tlbCount() {
        return cpus * kinds.length * pages;
    }

    /** The mappings by index: one shared array (this runs in the checker's inner loops), so callers only read it. */
    Mapping[] mappingList() {
        return kinds;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Layout l && l.cpus == cpus && l.pages == pages && Arrays.equals(l.kinds, kinds);
    }

    @Override
    public int hashCode() {
        return (cpus * 31 + pages) * 31 + Arrays.hashCode(kinds);
    }

    @Override
    public String toString() {
        return "Layout[cpus=" + cpus + ", mappings=" + Arrays.toString(kinds) + ", pages=" + pages + "]";
    }
}
