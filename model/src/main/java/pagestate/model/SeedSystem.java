package pagestate.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The five systems users discuss (docs/model.md sections 2 and 7), by the names spec files use in their
 * {@code system} line. Each has its own model, statements and properties.
 */
public enum SeedSystem implements SpecNamed {
    CPU("cpu", "the guest CPU converting pages between private and shared (seed 004)"),
    VTOM_SWIOTLB("vtom-swiotlb", "Hyper-V vTOM: the swiotlb bounce pool made host-visible, its aliases, the bounce copies (seed 000)"),
    COVE("cove", "RISC-V CoVE: share/unshare and MMIO regions registered with the TSM, against x86's shared bit (seed 001)"),
    IOMMU("iommu", "AMD IOMMU with SEV-SNP: IOMMU mappings against RMP entries and page state changes (seed 002)"),
    BUSDMA("busdma", "OpenBSD busdma bounce buffers for SEV guests: load, sync, unload and the device (seed 003)");

    private final String specName;
    private final String description;

    SeedSystem(String specName, String description) {
        this.specName = specName;
        this.description = description;
    }

    public String specName() { return specName; }
    public String description() { return description; }

    /** The properties of this system, in declaration order. */
    public List<PropertyName> properties() {
        List<PropertyName> l = new ArrayList<>();
        for (PropertyName p : PropertyName.values()) if (p.systems().contains(this)) l.add(p);
        return l;
    }

    public static Optional<SeedSystem> bySpecName(String name) {
        return SpecNamed.find(values(), name);
    }
}
