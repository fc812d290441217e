package pagestate.model.swiotlb;

import pagestate.model.SpecNamed;

import java.util.Optional;

/**
 * A step of the guest on the swiotlb pool page and one DMA through it (seed 000; arch/x86/hyperv/ivm.c,
 * kernel/dma/swiotlb.c, arch/x86/mm/pat/set_memory.c). The PTE writes do not flush, as in the cpu system.
 */
public enum SwiotlbStep implements SpecNamed {
    HV_VISIBILITY("hv_visibility", "hypercall: make the pool page host-visible (hv_mark_gpa_visibility())"),
    REMAP("remap", "map the pool a second time at its address above vTOM and let swiotlb use that alias (pre-v6.4 swiotlb_unencrypted_base)"),
    CLEAR_PRESENT("clear_present", "PRESENT 1 -> 0 in the pool page's direct-map PTE (no flush by itself; set_memory_np() is clear_present flush_tlb)"),
    FLIP("flip", "set the pool page's direct-map PTE to the shared alias (vTOM bit, or C=0); no flush by itself"),
    SET_PRESENT("set_present", "PRESENT 0 -> 1 in the pool page's direct-map PTE (no flush by itself; set_memory_p() is set_present flush_tlb)"),
    FLUSH_TLB("flush_tlb", "cpa_flush() / flush_tlb_kernel_range() on all CPUs: every CPU drops its entries for the pool page"),
    FLUSH_CACHE("flush_cache", "CLFLUSH the pool page through the direct map (the key of CPU0's translation); skipped when the PTE is not present"),
    ZERO("zero", "swiotlb's memset() of the pool when it is set up, through swiotlb's alias (the pool is still private from v6.4 on)"),
    MAP("map", "swiotlb_tbl_map_single(): copy the driver's buffer into the bounce slot through swiotlb's alias of the pool"),
    START("start", "start the device's DMA on the bounce slot"),
    WAIT("wait", "wait until the device has finished"),
    SYNC_FOR_CPU("sync_for_cpu", "dma_sync_single_for_cpu(): copy the bounce slot back into the driver's buffer"),
    READ("read", "the driver reads its buffer (the device's answer)");

    private final String specName;
    private final String description;

    SwiotlbStep(String specName, String description) {
        this.specName = specName;
        this.description = description;
    }

    public String specName() { return specName; }
    public String description() { return description; }

    public static Optional<SwiotlbStep> bySpecName(String name) {
        return SpecNamed.find(values(), name);
    }
}
