package pagestate.model.cpu;

/**
 * The row of a platform's access table an access met, with the source of the rule (the rules
 * themselves are in {@link Tdx}, {@link Snp} and {@link Vtom}; this names them for explanations) and
 * the section of docs/model.md that states it.
 */
final class AccessRows {

    private AccessRows() { }

    /** "TDX access table: private access to a shared page -> TD exit: ... (source; docs/model.md section 5.1)". */
    static String row(Platform platform, Attribute attr, HvPage page, Cause outcome) {
        return platform.name() + " access table: " + attr.lower() + " access to a " + page.label() + " page -> "
                + outcome.description() + " (" + source(outcome) + ")";
    }

    /** Where the rule behind {@code outcome} comes from: the manual or kernel source, then the model's section. */
    static String source(Cause outcome) {
        return manual(outcome) + "; docs/model.md section " + section(outcome);
    }

    /**
     * The section of docs/model.md that states the rule behind {@code outcome}: the one table of these
     * citations (a test checks that every section named here is a heading of docs/model.md).
     */
    static String section(Cause outcome) {
        return switch (outcome) {
            case TD_EXIT_PENDING, TD_EXIT_SHARED, VE_FIXUP, VE_UNHANDLED -> "5.1";
            case VC_NOT_VALIDATED, NPF_RMP_PRIVATE, NPF_RMP_SHARED, IMPLICIT_CONVERSION -> "5.2";
            case VTOM_PARAVISOR -> "5.3";
            case PF_OOPS, PF_FIXUP -> "5.5";
            case VE_WBINVD, VC_WBINVD, VTOM_WBINVD, MC_POISON, PF_IN_PVALIDATE -> "4";
            case PVALIDATE_FAILED, PSC_WHILE_VALIDATED -> "10.2";
            case HYPERCALL_FAILED, PAGE_FREED_AFTER_FAILURE -> "10.3";
            case SECRET_TO_HOST, GARBAGE_CONSUMED -> "6";
            case OK -> "5";
        };
    }

    private static String manual(Cause outcome) {
        return switch (outcome) {
            case TD_EXIT_PENDING -> "SEPT_VE_DISABLE, arch/x86/coco/tdx/tdx.c";
            case TD_EXIT_SHARED -> "no secure-EPT entry for the private GPA, Documentation/arch/x86/tdx.rst";
            case VE_FIXUP -> "1e7769653b06 and the July 2023 fault-address fix, option ve_zeropad_fixup";
            case VE_UNHANDLED -> "EPT violation on a shared GPA reflected as #VE, Documentation/arch/x86/tdx.rst";
            case VC_NOT_VALIDATED -> "#VC page-not-validated, AMD APM Vol. 2 15.36; vc_handle_exitcode()";
            case NPF_RMP_PRIVATE, NPF_RMP_SHARED -> "RMP check, AMD APM Vol. 2 15.36";
            case IMPLICIT_CONVERSION -> "RMP check, AMD APM Vol. 2 15.36; option host_implicit_conversion";
            case VTOM_PARAVISOR -> "Reflect #VC, AMD APM Vol. 2 15.36.9; Documentation/virt/hyperv/coco.rst";
            case VTOM_WBINVD -> "WBINVD intercept as #VC to the paravisor, option paravisor_handles_wbinvd";
            case PF_OOPS, PF_IN_PVALIDATE -> "no translation: SDM Vol. 3A 4.10.4.3";
            case PF_FIXUP -> "ex_handler_zeropad(), arch/x86/mm/extable.c";
            case VE_WBINVD -> "#VE for WBINVD (9a22bf6debbf); tdx.c virt_exception_kernel() has no case for it";
            case VC_WBINVD -> "WBINVD intercept as #VC, core.c vc_handle_wbinvd()";
            case MC_POISON -> "a write-back with the wrong key poisons the line, option writeback_mismatch";
            case PVALIDATE_FAILED -> "PVALIDATE on a page not in the expected RMP state: sev_es_terminate()";
            case PSC_WHILE_VALIDATED -> "rescind before the PSC to shared, arch/x86/coco/sev/core.c";
            case HYPERCALL_FAILED, PAGE_FREED_AFTER_FAILURE -> "the converter's error path, on_error";
            case SECRET_TO_HOST, GARBAGE_CONSUMED, OK -> "the property's definition";
        };
    }
}
