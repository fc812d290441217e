package pagestate.model;

import java.util.Optional;

/**
 * The properties of docs/model.md sections 6 and 7, by the stable snake_case names that spec files use,
 * each with the seed systems whose models define it.
 */
public enum PropertyName implements SpecNamed {
    NO_FATAL("no_fatal", false, "no access ends the guest (TD exit, #VC terminate, #MC, #PF in PVALIDATE, panic)",
            SeedSystem.CPU, SeedSystem.VTOM_SWIOTLB, SeedSystem.COVE),
    NO_COCO_EXCEPTION("no_coco_exception", false, "no #VE or #VC is raised at all, even a recovered one"),
    ZEROPAD_RETURNS("zeropad_returns", false, "every load_unaligned_zeropad() returns (ok or recovered)"),
    TRANSLATIONS_CONSISTENT("translations_consistent", false,
            "every present or TLB-cached translation matches the platform's state of its page",
            SeedSystem.CPU, SeedSystem.VTOM_SWIOTLB),
    NO_STALE_TLB_AFTER_DONE("no_stale_tlb_after_done", false,
            "once a conversion is done, no CPU holds a TLB entry with the old attribute", SeedSystem.CPU, SeedSystem.VTOM_SWIOTLB),
    NO_STALE_DIRTY_LINE("no_stale_dirty_line", false,
            "after the platform changes a page's state, no dirty line with the old key remains (non-coherent caches)",
            SeedSystem.CPU, SeedSystem.VTOM_SWIOTLB),
    ALIASES_AGREE("aliases_agree", false, "all present mappings of a page have the same attribute"),
    NO_SECRET_TO_HOST("no_secret_to_host", false, "the host never reads a page that holds the guest's secret"),
    NO_GARBAGE_CONSUMED("no_garbage_consumed", false,
            "the guest never consumes garbage, poison or host data as private data"),
    SNP_VALIDATION_ORDER("snp_validation_order", false,
            "SNP: rescind before PSC to shared, validate after PSC to private, no double validation"),
    FAILED_CONVERSION_NOT_FREED("failed_conversion_not_freed", false,
            "a conversion whose hypercall failed never returns the page to the allocator"),
    CONVERSION_COMPLETES("conversion_completes", true,
            "every conversion eventually completes (weak fairness of the converters)"),
    ZEROPAD_RETURNS_EVENTUALLY("zeropad_returns_eventually", true,
            "every zeropad reader eventually returns (weak fairness of readers and converters)"),
    // ---- vTOM and swiotlb (docs/model.md section 7, seed 000)
    NO_PRIVATE_ALIAS_ACCESS("no_private_alias_access", false,
            "no CPU access reaches a host-visible page through its private alias below vTOM", SeedSystem.VTOM_SWIOTLB),
    DEVICE_READS_AFTER_COPY("device_reads_after_copy", false,
            "the device reads the bounce slot only after swiotlb copied the driver's buffer into it", SeedSystem.VTOM_SWIOTLB),
    CPU_READS_AFTER_SYNC("cpu_reads_after_sync", false,
            "the CPU reads the DMA result from its buffer only after sync-for-cpu copied it back", SeedSystem.VTOM_SWIOTLB),
    C_BIT_ZERO("c_bit_zero", false, "the C-bit is 0 in every PTE (vTOM decides encryption by address)",
            SeedSystem.VTOM_SWIOTLB),
    // ---- RISC-V CoVE (docs/model.md section 7, seed 001)
    HOST_EMULATES_REGISTERED_ONLY("host_emulates_registered_only", false,
            "the host emulates an access only at an address the guest registered (or mapped shared) as MMIO", SeedSystem.COVE),
    CONFIDENTIAL_NEVER_FORWARDED("confidential_never_forwarded", false,
            "no access to a confidential address is forwarded to the host", SeedSystem.COVE),
    REGION_REMOVED_BEFORE_REUSE("region_removed_before_reuse", false,
            "an MMIO region is removed from the TSM before its address is reused as RAM", SeedSystem.COVE),
    HOST_READS_AFTER_SHARE("host_reads_after_share", false,
            "the host reads the guest's message from the shared buffer: the guest wrote it after share_memory completed"
                    + " (a write before it stays in the confidential page the share removes)", SeedSystem.COVE),
    GUEST_READS_BEFORE_UNSHARE("guest_reads_before_unshare", false,
            "the guest reads the host's answer from the buffer: after the host served it and before unshare_memory"
                    + " (after it, the GPA is backed by a fresh confidential zero page)", SeedSystem.COVE),
    // ---- AMD IOMMU with SEV-SNP (docs/model.md section 7, seed 002)
    IOMMU_MAPS_SHARED_ONLY("iommu_maps_shared_only", false,
            "every IOMMU mapping and IOTLB entry points only at pages the RMP says are shared", SeedSystem.IOMMU),
    IOMMU_SIZE_WITHIN_RMP("iommu_size_within_rmp", false,
            "no IOMMU mapping or IOTLB entry is larger than the RMP entry of a page it covers", SeedSystem.IOMMU),
    SHARED_DMA_SUCCEEDS("shared_dma_succeeds", true,
            "DMA into a page the guest shared eventually succeeds (weak fairness of guest, VMM and device)", SeedSystem.IOMMU),
    // ---- OpenBSD busdma (docs/model.md section 7, seed 003)
    DEVICE_SEES_ONLY_BOUNCE("device_sees_only_bounce", false,
            "every address the device is given is a bounce page's", SeedSystem.BUSDMA),
    BOUNCE_ONE_SEGMENT("bounce_one_segment", false,
            "a bounce page only ever carries bytes of the one segment it was taken for", SeedSystem.BUSDMA),
    DEVICE_READS_DRIVER_DATA("device_reads_driver_data", false,
            "the device reads what the driver wrote (a PREWRITE sync came between)", SeedSystem.BUSDMA),
    DRIVER_READS_DEVICE_DATA("driver_reads_device_data", false,
            "the driver reads what the device wrote (a POSTREAD sync came between)", SeedSystem.BUSDMA);

    private final String specName;
    private final boolean liveness;
    private final String description;
    private final java.util.Set<SeedSystem> systems;

    PropertyName(String specName, boolean liveness, String description, SeedSystem... systems) {
        this.specName = specName;
        this.liveness = liveness;
        this.description = description;
        this.systems = java.util.Collections.unmodifiableSet(systems.length == 0 ? java.util.EnumSet.of(SeedSystem.CPU)
                : java.util.EnumSet.copyOf(java.util.List.of(systems)));
    }

    public String specName() { return specName; }
    public boolean isLiveness() { return liveness; }
    public String description() { return description; }

    /** The seed systems whose models define this property. */
    public java.util.Set<SeedSystem> systems() { return systems; }

    public static Optional<PropertyName> bySpecName(String name) {
        return SpecNamed.find(values(), name);
    }
}
