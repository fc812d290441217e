package pagestate.model.cpu;

import pagestate.model.SpecNamed;

/**
 * Platform options: facts that differ between CPU generations or kernel versions, or that
 * docs/model.md marks unconfirmed. A spec sets them with {@code option NAME VALUE}; see {@link Option}.
 *
 * @param smeCoherent          SNP: the CPU has X86_FEATURE_SME_COHERENT, so a leftover line with the
 *                             other key is harmless and no cache flush is needed (mem_encrypt_amd.c)
 * @param veZeropadFixup       TDX: the #VE handler's zeropad fixup works (handle_mmio() rejects
 *                             page-crossing loads, 1e7769653b06, and the fault address is passed, July 2023);
 *                             off: a #VE from a zeropad is fatal
 * @param writebackMismatch    TDX: what a write-back of a dirty line with the wrong key does to the page
 *                             (unconfirmed: docs/model.md section 4)
 * @param vmmFlushOnMapPrivate TDX: MapGPA(private) includes the VMM's cache flush of the shared alias
 *                             (tdx.c tdx_tlb_flush_required() comment: the VMM flushes on shared->private)
 * @param hostImplicitConversion SNP: on an RMP nested page fault the host converts the page to what the
 *                             access wanted and lets it retry, instead of stopping the guest
 *                             (docs/model.md section 5.2: a host that converts the page is an option)
 * @param paravisorHandlesWbinvd vTOM: the paravisor handles the hypervisor's WBINVD intercept for the guest,
 *                             which sees no exception (unconfirmed); off: the #VC is fatal like any other
 *                             under vTOM
 */
public record Options(boolean smeCoherent, boolean veZeropadFixup, Content writebackMismatch,
                      boolean vmmFlushOnMapPrivate, boolean hostImplicitConversion, boolean paravisorHandlesWbinvd) {

    /** The options without the vTOM WBINVD one (on). */
    public Options(boolean smeCoherent, boolean veZeropadFixup, Content writebackMismatch, boolean vmmFlushOnMapPrivate,
                   boolean hostImplicitConversion) {
        this(smeCoherent, veZeropadFixup, writebackMismatch, vmmFlushOnMapPrivate, hostImplicitConversion, true);
    }

    public Options {
        if (writebackMismatch != Content.POISON && writebackMismatch != Content.GARBAGE) {
            throw new IllegalArgumentException("writeback_mismatch must be poison or garbage");
        }
    }

    public static Options defaults() {
        return new Options(false, true, Content.POISON, true, false, true);
    }

    /** A named option as it is written in spec files. */
    public enum Option implements SpecNamed {
        SME_COHERENT("sme_coherent", Platform.SNP,
                "the CPU has X86_FEATURE_SME_COHERENT: a leftover line with the other key is harmless", "off", "on", "off"),
        VE_ZEROPAD_FIXUP("ve_zeropad_fixup", Platform.TDX,
                "the #VE handler's zeropad fixup works (1e7769653b06 and the July 2023 fix); off: a zeropad #VE is fatal", "on", "on", "off"),
        WRITEBACK_MISMATCH("writeback_mismatch", Platform.TDX,
                "what writing back a dirty line with the wrong key leaves in the page (unconfirmed, docs/model.md section 4)", "poison", "poison", "garbage"),
        VMM_FLUSH_ON_MAP_PRIVATE("vmm_flush_on_map_private", Platform.TDX,
                "MapGPA(private) includes the VMM's cache flush of the shared alias (tdx.c comment)", "on", "on", "off"),
        HOST_IMPLICIT_CONVERSION("host_implicit_conversion", Platform.SNP,
                "on an RMP nested page fault the host converts the page to what the access wanted and lets it retry, instead of stopping the guest (docs/model.md section 5)", "off", "on", "off"),
        PARAVISOR_HANDLES_WBINVD("paravisor_handles_wbinvd", Platform.VTOM,
                "the paravisor handles the WBINVD intercept and the guest sees no exception (unconfirmed); off: the #VC is fatal", "on", "on", "off");

        private final String specName;
        private final Platform platform;
        private final String defaultValue;
        private final java.util.List<String> allowed;
        private final String description;

        Option(String specName, Platform platform, String description, String defaultValue, String... values) {
            this.specName = specName;
            this.platform = platform;
            this.description = description;
            this.defaultValue = defaultValue;
            this.allowed = java.util.List.of(values);
        }

        public String specName() { return specName; }
        public Platform platform() { return platform; }
        /** One line: what the option means. */
        public String description() { return description; }
        public String defaultValue() { return defaultValue; }
        public java.util.List<String> allowed() { return allowed; }

        /** Returns {@code options} with this option set to {@code value} (one of {@link #allowed()}). */
        public Options apply(Options o, String value) {
            if (!allowed.contains(value)) {
                throw new IllegalArgumentException(specName + " takes one of " + allowed + ", not " + value);
            }
            boolean on = value.equals("on");
            return switch (this) {
                case SME_COHERENT -> new Options(on, o.veZeropadFixup(), o.writebackMismatch(), o.vmmFlushOnMapPrivate(),
                        o.hostImplicitConversion(), o.paravisorHandlesWbinvd());
                case VE_ZEROPAD_FIXUP -> new Options(o.smeCoherent(), on, o.writebackMismatch(), o.vmmFlushOnMapPrivate(),
                        o.hostImplicitConversion(), o.paravisorHandlesWbinvd());
                case WRITEBACK_MISMATCH -> new Options(o.smeCoherent(), o.veZeropadFixup(),
                        value.equals("poison") ? Content.POISON : Content.GARBAGE, o.vmmFlushOnMapPrivate(),
                        o.hostImplicitConversion(), o.paravisorHandlesWbinvd());
                case VMM_FLUSH_ON_MAP_PRIVATE -> new Options(o.smeCoherent(), o.veZeropadFixup(), o.writebackMismatch(), on,
                        o.hostImplicitConversion(), o.paravisorHandlesWbinvd());
                case HOST_IMPLICIT_CONVERSION -> new Options(o.smeCoherent(), o.veZeropadFixup(), o.writebackMismatch(),
                        o.vmmFlushOnMapPrivate(), on, o.paravisorHandlesWbinvd());
                case PARAVISOR_HANDLES_WBINVD -> new Options(o.smeCoherent(), o.veZeropadFixup(), o.writebackMismatch(),
                        o.vmmFlushOnMapPrivate(), o.hostImplicitConversion(), on);
            };
        }

        public static java.util.Optional<Option> bySpecName(String name) {
            return SpecNamed.find(values(), name);
        }
    }
}
