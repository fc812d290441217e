package pagestate.model.cpu;

import pagestate.model.SpecNamed;

/** The confidential-computing platforms the model knows (docs/model.md section 5). */
public enum Platform implements SpecNamed {
    /** Intel TDX: shared bit in the PTE, secure-EPT page states, #VE, MapGPA and ACCEPT. */
    TDX("tdx", "Intel TDX: shared bit in the PTE, secure-EPT page states, #VE, MapGPA and ACCEPT"),
    /** AMD SEV-SNP: C-bit in the PTE, RMP with validated bit, #VC, PSC and PVALIDATE. */
    SNP("snp", "AMD SEV-SNP: C-bit in the PTE, RMP with the validated bit, #VC, PSC and PVALIDATE"),
    /** Hyper-V isolation VM with SNP vTOM and a paravisor: the attribute is the address alias above vTOM. */
    VTOM("vtom", "Hyper-V isolation VM with SNP vTOM and a paravisor: the attribute is the address alias above vTOM");

    private final String specName;
    private final String description;

    Platform(String specName, String description) {
        this.specName = specName;
        this.description = description;
    }

    /** One line: what the platform is. */
    public String description() {
        return description;
    }

    /** The name used in spec files. */
    public String specName() {
        return specName;
    }

    public static java.util.Optional<Platform> bySpecName(String name) {
        return SpecNamed.find(values(), name);
    }
}
