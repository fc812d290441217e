package pagestate.model.cpu;

/**
 * The hypervisor's / firmware's view of a page (docs/model.md section 3), per platform.
 */
public enum HvPage {
    /** TDX: mapped private in the secure EPT and accepted. */
    TDX_ACCEPTED(Platform.TDX, "private-accepted", false, true),
    /** TDX: mapped private (MapGPA) but not yet accepted. */
    TDX_PENDING(Platform.TDX, "private-pending", false, false),
    /** TDX: shared (mapped in the shared EPT). */
    TDX_SHARED(Platform.TDX, "shared", true, false),
    /** SNP: RMP assigned to the guest and validated. */
    SNP_VALIDATED(Platform.SNP, "guest-validated", false, true),
    /** SNP: RMP assigned to the guest, not validated. */
    SNP_UNVALIDATED(Platform.SNP, "guest-unvalidated", false, false),
    /** SNP: RMP hypervisor-owned (shared). */
    SNP_HV_OWNED(Platform.SNP, "hypervisor-owned", true, false),
    /** vTOM: not visible to the host (private). */
    VTOM_PRIVATE(Platform.VTOM, "private", false, true),
    /** vTOM: made visible to the host by the visibility hypercall (shared). */
    VTOM_HOST_VISIBLE(Platform.VTOM, "host-visible", true, false);

    private final Platform platform;
    private final String label;
    private final boolean shared;
    private final boolean usablePrivate;

    HvPage(Platform platform, String label, boolean shared, boolean usablePrivate) {
        this.platform = platform;
        this.label = label;
        this.shared = shared;
        this.usablePrivate = usablePrivate;
    }

    public Platform platform() { return platform; }
    public String label() { return label; }

    /** The host may access the page. */
    public boolean isShared() { return shared; }

    /** The guest can use the page as private memory (TDX accepted, SNP validated, vTOM private). */
    public boolean isUsablePrivate() { return usablePrivate; }

    /** The key the page's memory is in: shared pages the shared key, every other state the private key. */
    public Attribute key() {
        return shared ? Attribute.SHARED : Attribute.PRIVATE;
    }

    /** The stable state a page of {@code platform} has when it is fully {@code attribute}. */
    public static HvPage settled(Platform platform, Attribute attribute) {
        boolean priv = attribute == Attribute.PRIVATE;
        return switch (platform) {
            case TDX -> priv ? TDX_ACCEPTED : TDX_SHARED;
            case SNP -> priv ? SNP_VALIDATED : SNP_HV_OWNED;
            case VTOM -> priv ? VTOM_PRIVATE : VTOM_HOST_VISIBLE;
        };
    }

    /** The states of one platform, in a fixed order (used by the encoding). */
    public static HvPage[] of(Platform platform) {
        return java.util.Arrays.stream(values()).filter(h -> h.platform == platform).toArray(HvPage[]::new);
    }
}
