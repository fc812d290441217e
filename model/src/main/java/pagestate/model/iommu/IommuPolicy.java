package pagestate.model.iommu;

import pagestate.model.SpecNamed;

import java.util.Optional;

/** How the VMM programs the IOMMU for an SEV-SNP guest with a passed-through device (seed 002). */
public enum IommuPolicy implements SpecNamed {
    MAP_ALL_2M("map-all 2M", "at start the VMM maps all guest memory with 2M IOMMU entries and never changes them (the VFIO default in the thread)"),
    MAP_ALL_4K("map-all 4K", "at start the VMM maps all guest memory with 4K IOMMU entries and never changes them (Suravee's fix: size fixed, still maps private pages)"),
    DYNAMIC("dynamic", "the VMM maps a page with a 4K entry after a PSC to shared, and unmaps it and invalidates the IOTLB before a PSC to private (Gunthorpe/Lendacky)"),
    DYNAMIC_NO_INVALIDATE("dynamic no-invalidate", "like dynamic, but the unmap is not followed by an IOTLB invalidation");

    private final String specName;
    private final String description;

    IommuPolicy(String specName, String description) {
        this.specName = specName;
        this.description = description;
    }

    public String specName() { return specName; }
    public String description() { return description; }

    public boolean dynamic() {
        return this == DYNAMIC || this == DYNAMIC_NO_INVALIDATE;
    }

    public static Optional<IommuPolicy> bySpecName(String name) {
        return SpecNamed.find(values(), name);
    }
}
