package pagestate.model.cpu;

/**
 * A load_unaligned_zeropad() on {@code cpu} that reads the last bytes of {@code page} and, across the
 * page boundary, the first bytes of {@code page + 1}, once, at any time. {@code via} is the mapping whose
 * next virtual page the load strays into (arch/x86/mm/extable.c ex_handler_zeropad(): only that second
 * part may fault and be fixed up); see {@link #firstPageMapping()} for the page it starts in.
 */
public record ZeropadReader(String name, int cpu, int page, Mapping via) {

    /** A zeropad through the direct map. */
    public ZeropadReader(String name, int cpu, int page) {
        this(name, cpu, page, Mapping.DIRECT);
    }

    public ZeropadReader {
        if (via == null) throw new IllegalArgumentException("reader " + name + ": no mapping");
    }

    /**
     * The mapping of the page the load starts in, which its caller uses legitimately. Through the direct
     * map or a vmalloc area, both pages are in the same mapping (it maps them contiguously). Through the
     * lazy alias, the load starts at the end of a live vm_map_ram() area and strays into the lazily freed
     * area packed right after it (mm/vmalloc.c vb_alloc(): areas of a vmap block have no guard page
     * between them); the model reads page {@code page} in that live area with its direct map's translation.
     */
    public Mapping firstPageMapping() {
        return via == Mapping.LAZY ? Mapping.DIRECT : via;
    }
}
