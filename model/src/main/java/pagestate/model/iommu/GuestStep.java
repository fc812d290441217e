package pagestate.model.iommu;

import pagestate.model.SpecNamed;

import java.util.Optional;

/** A step of the SNP guest's I/O program on its DMA page (seed 002). */
public enum GuestStep implements SpecNamed {
    TO_SHARED("to_shared", "Page State Change request: the page to shared (4K); returns when the VMM has handled it"),
    POST("post", "hand the page to the device as a DMA buffer"),
    WAIT("wait", "wait until the device has finished (or failed) its DMA"),
    TO_PRIVATE("to_private", "Page State Change request: the page back to private (4K); returns when the VMM has handled it");

    private final String specName;
    private final String description;

    GuestStep(String specName, String description) {
        this.specName = specName;
        this.description = description;
    }

    public String specName() { return specName; }
    public String description() { return description; }

    public static Optional<GuestStep> bySpecName(String name) {
        return SpecNamed.find(values(), name);
    }
}
