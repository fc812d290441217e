package pagestate.model.cpu;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The kinds of virtual mapping a page may have (docs/model.md section 3). A spec chooses which of them
 * exist; a {@link Layout} numbers the chosen ones 0..n-1 in this order, so the mappings with a PTE come
 * first.
 */
public enum Mapping {
    /** The kernel direct map: every page has it. */
    DIRECT("direct", "the kernel direct map: every page has it; the converter and the page allocator use it"),
    /**
     * A vmalloc alias that CPA updates together with the direct map (set_memory.c cpa_process_alias():
     * a conversion requested through one address also changes the other).
     */
    VMALLOC("vmalloc", "a live vmalloc alias whose PTE CPA changes together with the direct map's"
            + " (set_memory.c cpa_process_alias())"),
    /**
     * A lazily freed vmap area: its PTE is already cleared (vunmap) but TLB entries may linger on any
     * CPU until vm_unmap_aliases() flushes them (mm/vmalloc.c, purge_vmap_area_lazy()).
     */
    LAZY("lazy", "a lazily freed vmap area: no PTE, but TLB entries linger on every CPU until"
            + " vm_unmap_aliases() (mm/vmalloc.c)");

    private final String label;
    private final String description;

    Mapping(String label, String description) {
        this.label = label;
        this.description = description;
    }

    /** The name used in traces and in spec files ({@code mappings direct lazy}, {@code via lazy}). */
    public String label() {
        return label;
    }

    /** One line: what the mapping is. */
    public String description() {
        return description;
    }

    /** Whether this mapping has a live PTE the converter changes (the lazy alias has none). */
    public boolean hasPte() {
        return this != LAZY;
    }

    public static Mapping of(int index) {
        return values()[index];
    }

    /** The first {@code n} kinds in order: what {@code mappings N} selects. */
    public static List<Mapping> first(int n) {
        return List.of(Arrays.copyOf(values(), n));
    }

    public static Optional<Mapping> bySpecName(String name) {
        for (Mapping m : values()) if (m.label.equals(name)) return Optional.of(m);
        return Optional.empty();
    }
}
