package pagestate.model;

import java.util.Optional;

/**
 * The properties of domain.md section 6, by the stable snake_case names that spec files use.
 */
public enum PropertyName {
    NO_FATAL("no_fatal", false, "no access ends the guest (TD exit, #VC terminate, #MC, #PF in PVALIDATE, panic)"),
    NO_COCO_EXCEPTION("no_coco_exception", false, "no #VE or #VC is raised at all, even a recovered one"),
    ZEROPAD_RETURNS("zeropad_returns", false, "every load_unaligned_zeropad() returns (ok or recovered)"),
    TRANSLATIONS_CONSISTENT("translations_consistent", false,
            "every present or TLB-cached translation matches the platform's state of its page"),
    NO_STALE_TLB_AFTER_DONE("no_stale_tlb_after_done", false,
            "once a conversion is done, no CPU holds a TLB entry with the old attribute"),
    NO_STALE_DIRTY_LINE("no_stale_dirty_line", false,
            "after the platform changes a page's state, no dirty line with the old key remains (non-coherent caches)"),
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
            "every zeropad reader eventually returns (weak fairness of readers and converters)");

    private final String specName;
    private final boolean liveness;
    private final String description;

    PropertyName(String specName, boolean liveness, String description) {
        this.specName = specName;
        this.liveness = liveness;
        this.description = description;
    }

    public String specName() { return specName; }
    public boolean isLiveness() { return liveness; }
    public String description() { return description; }

    public static Optional<PropertyName> bySpecName(String name) {
        for (PropertyName p : values()) if (p.specName.equals(name)) return Optional.of(p);
        return Optional.empty();
    }
}
