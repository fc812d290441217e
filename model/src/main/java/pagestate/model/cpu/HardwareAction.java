package pagestate.model.cpu;

import pagestate.model.SpecNamed;
import java.util.Optional;

/** What the hardware may do at any time, each switchable in a spec. */
public enum HardwareAction implements SpecNamed {
    /** Speculative TLB fill from a present PTE, on any CPU (SDM Vol. 3A 4.10.2.3). */
    TLB_FILL("tlb_fill", "any CPU caches a translation from a present PTE, at any time (SDM Vol. 3A 4.10.2.3)"),
    /** TLB eviction of one entry on one CPU. */
    TLB_EVICT("tlb_evict", "any CPU drops one of its TLB entries"),
    /** Speculative cache fill of a clean line through a present translation, with its key. */
    CACHE_FILL("cache_fill", "a clean line is filled through a present translation, with its key"),
    /** Write-back (eviction) of a dirty line. */
    WRITEBACK("writeback", "a dirty line is written back (evicted)");

    private final String specName;
    private final String description;

    HardwareAction(String specName, String description) {
        this.specName = specName;
        this.description = description;
    }

    /** One line: what the hardware may do at any time. */
    public String description() {
        return description;
    }

    public String specName() {
        return specName;
    }

    public static Optional<HardwareAction> bySpecName(String name) {
        return SpecNamed.find(values(), name);
    }
}
