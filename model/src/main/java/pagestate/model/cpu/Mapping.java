package pagestate.model.cpu;

/**
 * The virtual mappings of a page (domain.md section 3).
 */
public enum Mapping {
    /** The kernel direct map: every page has it. */
    DIRECT("direct"),
    /**
     * A vmalloc alias that CPA updates together with the direct map (set_memory.c cpa_process_alias():
     * a conversion requested through one address also changes the other).
     */
    VMALLOC("vmalloc"),
    /**
     * A lazily freed vmap area: its PTE is already cleared (vunmap) but TLB entries may linger on any
     * CPU until vm_unmap_aliases() flushes them (mm/vmalloc.c, purge_vmap_area_lazy()).
     */
    LAZY("lazy");

    private final String label;

    Mapping(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether this mapping has a live PTE the converter changes (the lazy alias has none). */
    public boolean hasPte() {
        return this != LAZY;
    }

    public static Mapping of(int index) {
        return values()[index];
    }
}
