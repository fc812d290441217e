package pagestate.model.cpu;

/**
 * Hyper-V isolation VM with SNP vTOM and a paravisor (docs/model.md section 5; Documentation/virt/hyperv/coco.rst;
 * arch/x86/hyperv/ivm.c). The attribute is the address alias: below vTOM private, above vTOM shared.
 */
final class Vtom implements PlatformRules {

    static final Vtom RULES = new Vtom();

    private Vtom() { }

    @Override
    public Cause access(Accessor who, Attribute attr, HvPage page, Options options) {
        boolean consistent = (attr == Attribute.SHARED) == (page == HvPage.VTOM_HOST_VISIBLE);
        // any #VC goes to the paravisor (Reflect #VC, APM 15.36.9), which has no way to forward it: fatal
        return consistent ? Cause.OK : Cause.VTOM_PARAVISOR;
    }

    @Override
    public Cause wbinvd(Options options) {
        // the hypervisor intercepts WBINVD; under vTOM the #VC goes to the paravisor (Reflect #VC, APM 15.36.9).
        // Unconfirmed whether it handles this intercept for the guest, as it handles others, or stops it: option
        // paravisor_handles_wbinvd (on by default). Linux never issues WBINVD for a vTOM conversion
        // (ivm.c hv_vtom_cache_flush_required() is false).
        return options.paravisorHandlesWbinvd() ? Cause.OK : Cause.VTOM_WBINVD;
    }

    @Override
    public boolean coherentCaches(Options options) {
        // Linux needs no cache flush for vTOM conversions (ivm.c hv_vtom_cache_flush_required() is false)
        return true;
    }

    @Override
    public Content writebackMismatch(Options options) {
        return Content.GARBAGE;
    }
}
