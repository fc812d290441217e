package pagestate.model.cpu;

/**
 * Intel TDX access rules (docs/model.md section 5; Documentation/arch/x86/tdx.rst; arch/x86/coco/tdx/tdx.c).
 */
final class Tdx implements PlatformRules {

    static final Tdx RULES = new Tdx();

    private Tdx() { }

    @Override
    public Cause access(Accessor who, Attribute attr, HvPage page, Options options) {
        if (attr == Attribute.PRIVATE) {
            return switch (page) {
                case TDX_ACCEPTED -> Cause.OK;
                // SEPT_VE_DISABLE is mandatory in Linux: an access to a pending page exits to the VMM (tdx.c)
                case TDX_PENDING -> Cause.TD_EXIT_PENDING;
                // private GPA of a page the VMM mapped shared: no secure-EPT entry, TD exit
                default -> Cause.TD_EXIT_SHARED;
            };
        }
        if (page == HvPage.TDX_SHARED) return Cause.OK;
        // shared GPA of a private page: EPT violation on a shared GPA, reflected as #VE.
        // Fixup works only with 1e7769653b06 (handle_mmio() rejects page-crossing loads) and the
        // July 2023 fault-address fix: option ve_zeropad_fixup.
        if (who == Accessor.ZEROPAD_SECOND_PAGE && options.veZeropadFixup()) return Cause.VE_FIXUP;
        return Cause.VE_UNHANDLED;
    }

    @Override
    public Cause wbinvd(Options options) {
        // WBINVD in a TD raises #VE (commit 9a22bf6debbf "x86/traps: Add #VE support for TDX guest": #VE for
        // specific instructions, WBINVD for example); tdx.c virt_exception_kernel() has no case for it, so the
        // "Unexpected #VE" path makes it fatal
        return Cause.VE_WBINVD;
    }

    @Override
    public boolean coherentCaches(Options options) {
        // different HKIDs are different physical addresses: a stale dirty line is written back with its key
        return false;
    }

    @Override
    public Content writebackMismatch(Options options) {
        // integrity on: poisons the line, a later private read raises #MC (unconfirmed: option)
        return options.writebackMismatch();
    }
}
