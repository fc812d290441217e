package pagestate.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static pagestate.model.Attribute.PRIVATE;
import static pagestate.model.Attribute.SHARED;

import org.junit.jupiter.api.Test;

/**
 * What a guest access yields on SEV-SNP (domain.md section 5; AMD APM Vol. 2 15.36;
 * arch/x86/coco/sev/core.c). No fixup applies: even on the zeropad's second page these are fatal.
 */
class SnpAccessRulesTest {

    private static Build snp() {
        return Build.on(Platform.SNP);
    }

    @Test
    void snpCBitAccessToValidatedPageIsOk() {
        // AMD APM Vol. 2 15.36: C=1 to a guest-owned validated page passes the RMP check
        assertEquals(Cause.OK, AccessProbe.load(snp(), 1, PRIVATE, HvPage.SNP_VALIDATED).outcome());
    }

    @Test
    void snpCBitAccessToUnvalidatedPageIsFatalVc() {
        // #VC page-not-validated: Linux terminates the guest
        for (int page : new int[] {0, 1}) {
            assertEquals(Cause.VC_NOT_VALIDATED, AccessProbe.load(snp(), page, PRIVATE, HvPage.SNP_UNVALIDATED).outcome());
        }
    }

    @Test
    void snpCBitAccessToHypervisorOwnedPageIsFatalNestedPageFault() {
        // RMP check fails: nested page fault to the host, the guest cannot continue
        assertEquals(Cause.NPF_RMP_PRIVATE, AccessProbe.load(snp(), 1, PRIVATE, HvPage.SNP_HV_OWNED).outcome());
    }

    @Test
    void snpSharedAccessToHypervisorOwnedPageIsOk() {
        // AMD APM Vol. 2 15.36: C=0 to a hypervisor-owned page is an ordinary shared access
        assertEquals(Cause.OK, AccessProbe.load(snp(), 1, SHARED, HvPage.SNP_HV_OWNED).outcome());
    }

    @Test
    void snpSharedAccessToGuestOwnedPageIsFatalNestedPageFault() {
        // C=0 to a guest-assigned page, validated or not: RMP nested page fault
        for (HvPage hv : new HvPage[] {HvPage.SNP_VALIDATED, HvPage.SNP_UNVALIDATED}) {
            assertEquals(Cause.NPF_RMP_SHARED, AccessProbe.load(snp(), 1, SHARED, hv).outcome(), hv.name());
        }
    }

    @Test
    void snpAccessOutcomeDoesNotDependOnSmeCoherent() {
        // SME_COHERENT changes cache coherence only, not the RMP checks
        Build b = snp().option(Options.Option.SME_COHERENT, "on");
        assertEquals(Cause.VC_NOT_VALIDATED, AccessProbe.load(b, 1, PRIVATE, HvPage.SNP_UNVALIDATED).outcome());
    }
}
