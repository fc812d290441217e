package pagestate.model.cpu;

import pagestate.model.SpecNamed;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The converter's primitives (docs/model.md section 2). Each acts on every page of its converter, on the
 * direct map and the vmalloc alias (CPA updates aliases: set_memory.c cpa_process_alias()).
 */
public enum Primitive implements SpecNamed {
    /** vm_unmap_aliases(): flush the lazily freed vmap aliases' TLB entries on every CPU. */
    UNMAP_ALIASES("unmap_aliases", EnumSet.allOf(Platform.class), false,
            "vm_unmap_aliases(): drop the lazily freed vmap aliases and their TLB entries"),
    /** set_memory_np(): PRESENT 1 -> 0 (no flush by itself). */
    CLEAR_PRESENT("clear_present", EnumSet.allOf(Platform.class), false,
            "set_memory_np(): PRESENT 1 -> 0 in the PTEs (no flush by itself)"),
    /** set_memory_p(): PRESENT 0 -> 1 (no flush by itself). */
    SET_PRESENT("set_present", EnumSet.allOf(Platform.class), false,
            "set_memory_p(): PRESENT 0 -> 1 in the PTEs (no flush by itself)"),
    /** Set the encryption attribute of the PTEs to the phase's target. */
    FLIP("flip", EnumSet.allOf(Platform.class), false,
            "set the encryption attribute of the PTEs to the phase's target"),
    /** Edgecombe's merged PTE write: PRESENT 1 -> 0 and the attribute to the target, in one write. */
    CLEAR_PRESENT_AND_FLIP("clear_present_and_flip", EnumSet.allOf(Platform.class), false,
            "Edgecombe's merged PTE write: PRESENT 1 -> 0 and the attribute flipped at once"),
    /** flush_tlb_kernel_range() on all CPUs (IPI): every CPU drops its entries for the pages. */
    FLUSH_TLB("flush_tlb", EnumSet.allOf(Platform.class), false,
            "flush_tlb_kernel_range() on all CPUs: every CPU drops its entries for the pages"),
    /** CLFLUSH of each page through the direct map: cpa_flush() skips pages whose PTE is not present. */
    FLUSH_CACHE("flush_cache", EnumSet.allOf(Platform.class), false,
            "CLFLUSH through the direct map or the `via` mapping; cpa_flush() skips a not-present PTE"),
    /** WBINVD: write back and invalidate every line; no address needed. */
    WBINVD("wbinvd", EnumSet.allOf(Platform.class), false,
            "write back and invalidate every cache line; needs no mapping"),
    /** TDX TDG.VP.VMCALL<MapGPA>: the VMM converts the GPA range to the phase's target. */
    MAP_GPA("map_gpa", EnumSet.of(Platform.TDX), true,
            "TDG.VP.VMCALL<MapGPA>: the VMM converts the GPA range to the phase's target"),
    /** TDX TDG.MEM.PAGE.ACCEPT: private-pending -> private-accepted, zeroes the page. */
    ACCEPT("accept", EnumSet.of(Platform.TDX), true,
            "TDG.MEM.PAGE.ACCEPT: private-pending -> private-accepted; zeroes the page"),
    /** SNP Page State Change request (GHCB): the hypervisor assigns the page to the guest or takes it back. */
    PSC("psc", EnumSet.of(Platform.SNP), true,
            "Page State Change request: the hypervisor assigns the page to the guest or takes it back"),
    /** SNP PVALIDATE (validate) through the direct map's virtual address. */
    PVALIDATE("pvalidate", EnumSet.of(Platform.SNP), false,
            "PVALIDATE (validate) through the direct map or the `via` mapping"),
    /** SNP PVALIDATE (rescind) through the direct map's virtual address. */
    RESCIND("rescind", EnumSet.of(Platform.SNP), false,
            "PVALIDATE (rescind) through the direct map or the `via` mapping"),
    /** Hyper-V HVCALL_MODIFY_SPARSE_GPA_PAGE_HOST_VISIBILITY (hv_mark_gpa_visibility()). */
    HV_VISIBILITY("hv_visibility", EnumSet.of(Platform.VTOM), true,
            "HVCALL_MODIFY_SPARSE_GPA_PAGE_HOST_VISIBILITY (hv_mark_gpa_visibility())");

    private final String specName;
    private final Set<Platform> platforms;
    private final boolean hypercall;
    private final String description;

    Primitive(String specName, Set<Platform> platforms, boolean hypercall, String description) {
        this.specName = specName;
        this.platforms = platforms;
        this.hypercall = hypercall;
        this.description = description;
    }

    /** One line: what the primitive does. */
    public String description() {
        return description;
    }

    /** The name used in spec files. */
    public String specName() {
        return specName;
    }

    /** Platforms on which this primitive exists. */
    public Set<Platform> platforms() {
        return platforms;
    }

    public boolean availableOn(Platform p) {
        return platforms.contains(p);
    }

    /** A call to the hypervisor / VMM that a spec may let fail. */
    /**
     * Whether the step acts through a virtual address that a spec may choose ({@code flush_cache via
     * vmalloc}): CLFLUSH (cpa_flush() flushes the addresses it was given) and PVALIDATE (an instruction on
     * a virtual address). Every other step acts on every mapping with a PTE (CPA), on all of them by IPI,
     * or on no address at all (docs/model.md section 10.2).
     */
    public boolean takesAddress() {
        return this == FLUSH_CACHE || this == PVALIDATE || this == RESCIND;
    }

    public boolean isHypercall() {
        return hypercall;
    }

    public static Optional<Primitive> bySpecName(String name) {
        return SpecNamed.find(values(), name);
    }
}
