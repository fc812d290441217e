package pagestate.model.cpu;

/** The bounds of a state: how many CPUs, mappings and pages, and where each piece sits in the arrays. */
public record Layout(int cpus, int mappings, int pages) {

    /** Mappings with a PTE (the direct map and the vmalloc alias; the lazy alias has none). */
    public int pteMappings() {
        return Math.min(mappings, 2);
    }

    /** Whether mapping {@code m} has a PTE of its own in this layout (else it has none, see {@link #pteMappings}). */
    boolean hasPte(Mapping m) {
        return m.hasPte() && m.ordinal() < pteMappings();
    }

    int pteIndex(Mapping m, int page) {
        return m.ordinal() * pages + page;
    }

    int tlbIndex(int cpu, Mapping m, int page) {
        return (cpu * mappings + m.ordinal()) * pages + page;
    }

    int pteCount() {
        return pteMappings() * pages;
    }

    int tlbCount() {
        return cpus * mappings * pages;
    }

    /**
     * The first {@code mappings} mappings, in order: one shared array per count (this runs in the
     * checker's inner loops), so callers only read it.
     */
    Mapping[] mappingList() {
        return PREFIXES[mappings];
    }

    private static final Mapping[][] PREFIXES = java.util.stream.IntStream.rangeClosed(0, Mapping.values().length)
            .mapToObj(n -> java.util.Arrays.copyOf(Mapping.values(), n)).toArray(Mapping[][]::new);
}
