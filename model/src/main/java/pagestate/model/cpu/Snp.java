package pagestate.model.cpu;

/**
 * AMD SEV-SNP access rules (docs/model.md section 5; AMD APM Vol. 2 15.36; arch/x86/coco/sev/core.c).
 */
final class Snp implements PlatformRules {

    static final Snp RULES = new Snp();

    private Snp() { }

    @Override
    public Cause access(Accessor who, Attribute attr, HvPage page, Options options) {
        if (attr == Attribute.PRIVATE) {
            return switch (page) {
                case SNP_VALIDATED -> Cause.OK;
                // #VC page-not-validated: Linux terminates the guest (vc_handle_exitcode)
                case SNP_UNVALIDATED -> Cause.VC_NOT_VALIDATED;
                // C=1 to a hypervisor-owned page: RMP check fails, nested page fault to the host
                default -> Cause.NPF_RMP_PRIVATE;
            };
        }
        // C=0 to a guest-assigned page: RMP nested page fault; the guest cannot continue
        return page == HvPage.SNP_HV_OWNED ? Cause.OK : Cause.NPF_RMP_SHARED;
    }

    @Override
    public Cause wbinvd(Options options) {
        // the hypervisor intercepts WBINVD; for an SEV-ES/SNP guest the intercept is a #VC, which the guest
        // handles by asking the hypervisor through the GHCB (core.c vc_handle_wbinvd(), SVM_EXIT_WBINVD)
        return Cause.VC_WBINVD;
    }

    @Override
    public boolean coherentCaches(Options options) {
        // X86_FEATURE_SME_COHERENT: hardware keeps lines of both keys coherent (mem_encrypt_amd.c)
        return options.smeCoherent();
    }

    @Override
    public Content writebackMismatch(Options options) {
        // without SME_COHERENT the page is left holding garbage (APM Vol. 2 7.10.6)
        return Content.GARBAGE;
    }
}
