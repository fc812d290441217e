package pagestate.model.cove;

import pagestate.model.SpecNamed;

import java.util.Optional;

/** How a guest access to an address outside RAM reaches the host (seed 001). */
public enum TsmMode implements SpecNamed {
    UNREGISTERED_AS_MMIO("treats-unregistered-as-mmio", "CoVE RFC: the TSM forwards a fault at any address outside RAM to the host as MMIO, registered or not"),
    REGISTRATION_ONLY("registration-only", "CoVE with ioremap() registration: the TSM forwards only faults inside regions the guest registered; any other fault goes back to the guest"),
    X86_SHARED_BIT("x86-shared-bit", "the x86 contrast (TDX): ioremap() sets the shared bit in the PTE; an access takes #VE, whose handler makes a hypercall to the host");

    private final String specName;
    private final String description;

    TsmMode(String specName, String description) {
        this.specName = specName;
        this.description = description;
    }

    public String specName() { return specName; }
    public String description() { return description; }

    public static Optional<TsmMode> bySpecName(String name) {
        return SpecNamed.find(values(), name);
    }
}
