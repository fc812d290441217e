package pagestate.model.cpu;

/**
 * The row of a platform's access table an access met, with the source of the rule (the rules
 * themselves are in {@link Tdx}, {@link Snp} and {@link Vtom}; this names them for explanations).
 */
final class AccessRows {

    private AccessRows() { }

    /** "TDX access table: private access to a shared page -> TD exit: ... (source)". */
    static String row(Platform platform, Attribute attr, HvPage page, Cause outcome) {
        return platform.name() + " access table: " + attr.lower() + " access to a " + page.label() + " page -> "
                + outcome.description() + " (" + source(outcome) + ")";
    }

    /** Where the rule behind {@code outcome} comes from. */
    static String source(Cause outcome) {
        return switch (outcome) {
            case TD_EXIT_PENDING -> "SEPT_VE_DISABLE, arch/x86/coco/tdx/tdx.c";
            case TD_EXIT_SHARED -> "no secure-EPT entry for the private GPA, Documentation/arch/x86/tdx.rst";
            case VE_FIXUP -> "1e7769653b06 and the July 2023 fault-address fix, option ve_zeropad_fixup";
            case VE_UNHANDLED -> "EPT violation on a shared GPA reflected as #VE, Documentation/arch/x86/tdx.rst";
            case VC_NOT_VALIDATED -> "#VC page-not-validated, AMD APM Vol. 2 15.36; vc_handle_exitcode()";
            case NPF_RMP_PRIVATE, NPF_RMP_SHARED -> "RMP check, AMD APM Vol. 2 15.36";
            case VTOM_PARAVISOR -> "Reflect #VC, AMD APM Vol. 2 15.36.9; Documentation/virt/hyperv/coco.rst";
            case PF_OOPS, PF_IN_PVALIDATE -> "no translation: SDM Vol. 3A 4.10.4.3";
            case PF_FIXUP -> "ex_handler_zeropad(), arch/x86/mm/extable.c";
            case MC_POISON -> "a write-back with the wrong key poisons the line, docs/model.md section 4";
            default -> "docs/model.md section 5";
        };
    }
}
