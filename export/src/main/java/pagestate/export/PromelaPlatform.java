package pagestate.export;

import pagestate.model.cpu.Platform;

/**
 * What differs by platform, as Promela: the access table (TDX, SEV-SNP, Hyper-V vTOM) and the platform's
 * own primitives (TDX MapGPA and ACCEPT; SNP Page State Change and PVALIDATE; the Hyper-V visibility
 * hypercall), each inline with its source (docs/model.md sections 2, 4 and 5).
 */
final class PromelaPlatform {

    private PromelaPlatform() { }

    /** The platform's access table as the inline {@code access(who, page)}: sets r from attr and the page state. */
    static void access(StringBuilder out, Platform platform) {
        switch (platform) {
            case TDX -> out.append("""

                    /* TDX (Documentation/arch/x86/tdx.rst; arch/x86/coco/tdx/tdx.c). A private access to a page
                       not accepted, or mapped shared by the VMM, exits the TD (SEPT_VE_DISABLE); a shared access to
                       a private page is #VE, fixed up only on a zeropad's second page (ve_zeropad_fixup). Sets r. */
                    inline access(who, page) {
                      if
                      :: attr == PRIVATE && hv[page] == HV_TDX_ACCEPTED -> r = C_OK
                      :: attr == PRIVATE && hv[page] == HV_TDX_PENDING -> r = C_TD_EXIT_PENDING
                      :: attr == PRIVATE && hv[page] == HV_TDX_SHARED -> r = C_TD_EXIT_SHARED
                      :: attr == SHARED && hv[page] == HV_TDX_SHARED -> r = C_OK
                      :: attr == SHARED && hv[page] != HV_TDX_SHARED ->
                         r = (who == ZEROPAD && VE_ZEROPAD_FIXUP -> C_VE_FIXUP : C_VE_UNHANDLED)
                      fi
                    }
                    """);
            case SNP -> out.append("""

                    /* SEV-SNP (AMD APM Vol. 2 15.36; arch/x86/coco/sev/core.c). C=1 to an unvalidated page is #VC
                       page-not-validated (terminate); C=1 to a hypervisor-owned page and C=0 to a guest-owned page
                       are RMP nested page faults. Sets r. */
                    inline access(who, page) {
                      if
                      :: attr == PRIVATE && hv[page] == HV_SNP_VALIDATED -> r = C_OK
                      :: attr == PRIVATE && hv[page] == HV_SNP_UNVALIDATED -> r = C_VC_NOT_VALIDATED
                      :: attr == PRIVATE && hv[page] == HV_SNP_HV_OWNED -> r = C_NPF_RMP_PRIVATE
                      :: attr == SHARED && hv[page] == HV_SNP_HV_OWNED -> r = C_OK
                      :: attr == SHARED && hv[page] != HV_SNP_HV_OWNED -> r = C_NPF_RMP_SHARED
                      fi
                    }
                    """);
            case VTOM -> out.append("""

                    /* Hyper-V vTOM with a paravisor (arch/x86/hyperv/ivm.c): an access whose alias disagrees with
                       the host visibility raises #VC to the paravisor, which cannot forward it (APM 15.36.9). */
                    inline access(who, page) {
                      if
                      :: (attr == SHARED) == (hv[page] == HV_VTOM_HOST_VISIBLE) -> r = C_OK
                      :: else -> r = C_VTOM_PARAVISOR
                      fi
                    }
                    """);
        }
    }

    /** The platform's own primitives. */
    static void primitives(StringBuilder out, Platform platform) {
        switch (platform) {
            case TDX -> out.append("""

                    /* TDX MapGPA (tdx.c): shared: the page holds host data; private: pending until accepted, new
                       backing (garbage); with vmm_flush_on_map_private the VMM flushes the shared lines first. */
                    inline map_gpa_shared(page) {
                      if
                      :: hv[page] != HV_TDX_SHARED -> hv[page] = HV_TDX_SHARED; cont[page] = CT_HOST_DATA
                      :: else -> skip
                      fi
                    }
                    inline map_gpa_private(page) {
                      if
                      :: hv[page] == HV_TDX_SHARED ->
                         if :: VMM_FLUSH_ON_MAP_PRIVATE -> writeback(page, SHARED) :: else -> skip fi;
                         hv[page] = HV_TDX_PENDING; cont[page] = CT_GARBAGE
                      :: else -> skip
                      fi
                    }
                    /* TDG.MEM.PAGE.ACCEPT: a pending page becomes accepted and zeroed; on any other state the
                       TDCALL fails and the conversion takes its error path (tdx-shared.c try_accept_one()). */
                    inline accept(page) { hv[page] = HV_TDX_ACCEPTED; cont[page] = CT_ZERO }
                    """);
            case SNP -> out.append("""

                    /* SNP Page State Change (core.c set_pages_state()): to shared the page becomes hypervisor-owned
                       (a validated page breaks the rule: rescind first); to private it is assigned unvalidated.
                       The bytes read with the other key are garbage. */
                    inline psc_shared(page) {
                      if
                      :: hv[page] != HV_SNP_HV_OWNED ->
                         if :: hv[page] == HV_SNP_VALIDATED -> c = C_PSC_WHILE_VALIDATED :: else -> skip fi;
                         hv[page] = HV_SNP_HV_OWNED; cont[page] = CT_GARBAGE
                      :: else -> skip
                      fi
                    }
                    inline psc_private(page) {
                      if
                      :: hv[page] == HV_SNP_HV_OWNED -> hv[page] = HV_SNP_UNVALIDATED; cont[page] = CT_GARBAGE
                      :: else -> skip
                      fi
                    }
                    /* PVALIDATE (validate or rescind) through mapping m (Linux: the direct map): #PF with no
                       translation; fails unless the page is in the state it changes from (core.c
                       pvalidate_pages()). Stops at the first failure (c is no longer C_OK). */
                    inline pvalidate(cpu, m, page, from, to) {
                      if
                      :: c == C_OK ->
                         translate(cpu, m, page);
                         if
                         :: attr == NOATTR -> c = C_PF_IN_PVALIDATE
                         :: attr != NOATTR && hv[page] != from -> c = C_PVALIDATE_FAILED
                         :: attr != NOATTR && hv[page] == from -> hv[page] = to
                         fi
                      :: else -> skip
                      fi
                    }
                    """);
            case VTOM -> out.append("""

                    /* Hyper-V host visibility hypercall (ivm.c hv_mark_gpa_visibility()); the bytes read with the
                       other alias are garbage. */
                    inline hv_visibility(page, to) {
                      if
                      :: hv[page] != to -> hv[page] = to; cont[page] = CT_GARBAGE
                      :: else -> skip
                      fi
                    }
                    """);
        }
    }
}
