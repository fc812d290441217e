package pagestate.model.cpu;

/**
 * The specific outcome of an access or a step (docs/model.md section 5), with its class. Traces show the
 * description.
 */
public enum Cause {
    OK(Kind.OK, false, "ok"),
    // ---- recovered
    PF_FIXUP(Kind.RECOVERED, false, "#PF on the second page, fixed up by ex_handler_zeropad() (missing bytes read as zero)"),
    VE_FIXUP(Kind.RECOVERED, true, "#VE (shared access to a private GPA), zeropad fixup in the #VE handler"),
    VC_WBINVD(Kind.RECOVERED, true, "#VC for WBINVD, which the hypervisor intercepts; the #VC handler asks it through the GHCB"),
    // ---- fatal
    PF_OOPS(Kind.FATAL, false, "#PF on a not-present kernel mapping outside a zeropad fixup: oops"),
    TD_EXIT_PENDING(Kind.FATAL, false, "TD exit: private access to a page that is not accepted (SEPT_VE_DISABLE)"),
    TD_EXIT_SHARED(Kind.FATAL, false, "TD exit: private access to a page the VMM has mapped shared"),
    VE_UNHANDLED(Kind.FATAL, true, "#VE (shared access to a private GPA) that no fixup handles: panic"),
    VE_WBINVD(Kind.FATAL, true, "#VE for WBINVD, an instruction a TD may not run; the #VE handler does not handle it: panic"),
    VC_NOT_VALIDATED(Kind.FATAL, true, "#VC page-not-validated (C=1 access to an unvalidated page): terminate"),
    NPF_RMP_PRIVATE(Kind.FATAL, false, "RMP nested page fault: C=1 access to a hypervisor-owned page"),
    NPF_RMP_SHARED(Kind.FATAL, false, "RMP nested page fault: C=0 access to a guest-owned page"),
    VTOM_PARAVISOR(Kind.FATAL, true, "#VC to the paravisor (attribute and host visibility disagree), which cannot forward it"),
    VTOM_WBINVD(Kind.FATAL, true, "#VC for WBINVD to the paravisor, which does not handle it and cannot forward it"),
    MC_POISON(Kind.FATAL, false, "#MC: read of a poisoned line (key mismatch on write-back)"),
    PF_IN_PVALIDATE(Kind.FATAL, false, "#PF inside PVALIDATE: the direct-map PTE is not present"),
    PVALIDATE_FAILED(Kind.FATAL, false, "PVALIDATE failed (page not in the expected RMP state): sev_es_terminate()"),
    // ---- security
    SECRET_TO_HOST(Kind.SECURITY, false, "the host read the guest's secret from a shared page"),
    GARBAGE_CONSUMED(Kind.SECURITY, false, "the guest consumed garbage or host data as private data"),
    // ---- rule breaches that are not immediately fatal
    PSC_WHILE_VALIDATED(Kind.RULE, false, "PSC to shared of a page still validated (no rescind before)"),
    PAGE_FREED_AFTER_FAILURE(Kind.RULE, false, "a page whose conversion failed went back to the allocator"),
    HYPERCALL_FAILED(Kind.RULE, false, "the hypercall failed; the converter took its error path"),
    IMPLICIT_CONVERSION(Kind.RULE, false, "RMP nested page fault; the host converted the page behind the guest's back");

    /** Outcome classes (docs/model.md section 5). */
    public enum Kind { OK, RECOVERED, RULE, SECURITY, FATAL }

    private final Kind kind;
    private final boolean cocoException;
    private final String description;

    Cause(Kind kind, boolean cocoException, String description) {
        this.kind = kind;
        this.cocoException = cocoException;
        this.description = description;
    }

    public Kind kind() { return kind; }

    /** A #VE or #VC was raised (recovered or not). */
    public boolean isCocoException() { return cocoException; }

    public String description() { return description; }

    public boolean isFatal() { return kind == Kind.FATAL; }

    /** The more severe of two outcomes (by kind; {@code a} on ties). */
    static Cause worse(Cause a, Cause b) {
        return b.kind().ordinal() > a.kind().ordinal() ? b : a;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
