package pagestate.model;

import java.util.Optional;

/** What the hardware may do at any time, each switchable in a spec. */
public enum HardwareAction {
    /** Speculative TLB fill from a present PTE, on any CPU (SDM Vol. 3A 4.10.2.3). */
    TLB_FILL("tlb_fill"),
    /** TLB eviction of one entry on one CPU. */
    TLB_EVICT("tlb_evict"),
    /** Speculative cache fill of a clean line through a present translation, with its key. */
    CACHE_FILL("cache_fill"),
    /** Write-back (eviction) of a dirty line. */
    WRITEBACK("writeback");

    private final String specName;

    HardwareAction(String specName) {
        this.specName = specName;
    }

    public String specName() {
        return specName;
    }

    public static Optional<HardwareAction> bySpecName(String name) {
        for (HardwareAction h : values()) if (h.specName.equals(name)) return Optional.of(h);
        return Optional.empty();
    }
}
