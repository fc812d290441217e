package pagestate.model.cpu;

/**
 * The kernel code each converter primitive stands for, per platform: one table, shown by
 * {@code pagestate explain} next to each step and in the spec language reference. Function and file
 * names checked against torvalds/linux; where a step has no single kernel function, the entry says so.
 */
public final class KernelCode {

    private static final String SET_MEMORY = "arch/x86/mm/pat/set_memory.c";
    private static final String IVM = "arch/x86/hyperv/ivm.c";
    private static final String SEV = "arch/x86/coco/sev/core.c";

    private KernelCode() { }

    /** One line: the function and its file, e.g. "cpa_flush() in arch/x86/mm/pat/set_memory.c". */
    public static String of(Platform platform, Primitive primitive) {
        return switch (primitive) {
            case UNMAP_ALIASES -> "vm_unmap_aliases() in mm/vmalloc.c, called by __set_memory_enc_pgtable()";
            case CLEAR_PRESENT -> platform == Platform.VTOM
                    ? "hv_vtom_clear_present() (v6.9, set_memory_np()) in " + IVM
                    : "set_memory_np() in " + SET_MEMORY + " (Kelley's seven steps; not in the upstream path)";
            case SET_PRESENT -> platform == Platform.VTOM
                    ? "hv_vtom_set_host_visibility() (v6.9, set_memory_p() at its end) in " + IVM
                    : "set_memory_p() in " + SET_MEMORY + " (Kelley's seven steps; not in the upstream path)";
            case FLIP -> "__set_memory_enc_pgtable() (its __change_page_attr_set_clr()) in " + SET_MEMORY;
            case CLEAR_PRESENT_AND_FLIP -> "no single kernel function: Edgecombe's proposed merged PTE write"
                    + " (one __change_page_attr_set_clr() in " + SET_MEMORY + "), not upstream";
            case FLUSH_TLB -> "cpa_flush() (flush_tlb_all() or flush_tlb_one_kernel() on every CPU) in " + SET_MEMORY;
            case FLUSH_CACHE -> "cpa_flush() with cache = 1 (clflush_cache_range()) in " + SET_MEMORY;
            case WBINVD -> "wbinvd_on_all_cpus() in arch/x86/lib/cache-smp.c";
            case MAP_GPA -> "tdx_enc_status_changed() (tdx_map_gpa()) in arch/x86/coco/tdx/tdx.c";
            case ACCEPT -> "tdx_accept_memory() (try_accept_one()) in arch/x86/coco/tdx/tdx-shared.c";
            case PSC -> "__set_pages_state() (vmgexit_psc()) in " + SEV;
            case PVALIDATE, RESCIND -> "pvalidate_pages() in " + SEV;
            case HV_VISIBILITY -> "hv_mark_gpa_visibility(), called by hv_vtom_set_host_visibility(), in " + IVM;
        };
    }

    /** The kernel code of a converter operation that is not a primitive. */
    static String of(ConverterProgram.Op.Kind kind) {
        return switch (kind) {
            case STEP -> throw new IllegalArgumentException("a step is a primitive: use of(platform, primitive)");
            case OWNER_WRITE, OWNER_READ -> "no single kernel function: the page's owner (a driver) uses its memory";
            case REUSE_WRITE -> "no single kernel function: the page allocator hands the page to a new user";
        };
    }

    /** The kernel code of a zeropad reader's load. */
    static String zeropad() {
        return "load_unaligned_zeropad() in arch/x86/include/asm/word-at-a-time.h";
    }
}
