package pagestate.model.swiotlb;

import pagestate.model.SpecNamed;

import java.util.Optional;

/** A step of the guest on the swiotlb pool page and one DMA through it (seed 000; arch/x86/hyperv/ivm.c, kernel/dma/swiotlb.c). */
public enum SwiotlbStep implements SpecNamed {
    HV_VISIBILITY("hv_visibility", "hypercall: make the pool page host-visible (hv_mark_gpa_visibility())"),
    REMAP("remap", "map the pool a second time at its address above vTOM and let swiotlb use that alias (pre-v6.4 swiotlb_unencrypted_base)"),
    CLEAR_PRESENT("clear_present", "set_memory_np() on the pool page's direct-map PTE"),
    FLIP("flip", "set the pool page's direct-map PTE to the shared alias (vTOM bit, or C=0)"),
    SET_PRESENT("set_present", "set_memory_p() on the pool page's direct-map PTE"),
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
