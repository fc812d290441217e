package pagestate.model.swiotlb;

import pagestate.model.SpecNamed;

import java.util.Optional;

/** How the guest's page tables say private or shared on a vTOM guest (seed 000). */
public enum Encryption implements SpecNamed {
    VTOM("vtom", "vTOM decides by address: every PTE has C=0; the shared alias is the address above vTOM (APM Vol. 2 15.36.8)"),
    C_BIT("c-bit", "the guest sets sme_me_mask as an SEV guest would: private PTEs carry C=1 (Lendacky in seed 000: this \"will actually cause issues\")");

    private final String specName;
    private final String description;

    Encryption(String specName, String description) {
        this.specName = specName;
        this.description = description;
    }

    public String specName() { return specName; }
    public String description() { return description; }

    public static Optional<Encryption> bySpecName(String name) {
        return SpecNamed.find(values(), name);
    }
}
