package pagestate.model.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static pagestate.model.cpu.Attribute.PRIVATE;
import static pagestate.model.cpu.Attribute.SHARED;

import org.junit.jupiter.api.Test;

/**
 * What a guest access yields on SEV-SNP (docs/model.md section 5; AMD APM Vol. 2 15.36;
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

    @Test
    void snpSharedAccessToGuestOwnedPageIsRetriedAfterHostImplicitConversion() {
        // docs/model.md section 5: a host that implicitly converts is an option: the RMP #NPF makes the host
        // take the page back (hypervisor-owned) and the C=0 access retries; the page's bytes are lost
        Build b = snp().option(Options.Option.HOST_IMPLICIT_CONVERSION, "on");
        Moves.Move m = AccessProbe.load(b, 1, SHARED, HvPage.SNP_VALIDATED);
        assertEquals(Cause.OK, m.outcome());
        assertEquals(HvPage.SNP_HV_OWNED, m.next().hv(1));
        assertEquals(Content.GARBAGE, m.next().contents(1));
        org.junit.jupiter.api.Assertions.assertTrue(m.next().happened(Cause.IMPLICIT_CONVERSION));
    }

    @Test
    void snpCBitAccessToHypervisorOwnedPageAfterHostImplicitConversionMeetsAnUnvalidatedPage() {
        // the host assigns the page to the guest unvalidated; the retried C=1 access takes #VC not-validated
        Build b = snp().option(Options.Option.HOST_IMPLICIT_CONVERSION, "on");
        Moves.Move m = AccessProbe.load(b, 1, PRIVATE, HvPage.SNP_HV_OWNED);
        assertEquals(Cause.VC_NOT_VALIDATED, m.outcome());
        assertEquals(HvPage.SNP_UNVALIDATED, m.next().hv(1));
        org.junit.jupiter.api.Assertions.assertTrue(m.next().happened(Cause.IMPLICIT_CONVERSION));
    }

    @Test
    void snpHostImplicitConversionLeavesTheOtherRowsAlone() {
        // only an RMP nested page fault is converted; a validated C=1 access or a #VC is unchanged
        Build on = snp().option(Options.Option.HOST_IMPLICIT_CONVERSION, "on");
        assertEquals(Cause.VC_NOT_VALIDATED, AccessProbe.load(on, 1, PRIVATE, HvPage.SNP_UNVALIDATED).outcome());
        Moves.Move ok = AccessProbe.load(snp().option(Options.Option.HOST_IMPLICIT_CONVERSION, "on"), 1, PRIVATE,
                HvPage.SNP_VALIDATED);
        assertEquals(Cause.OK, ok.outcome());
        assertEquals(0, ok.next().events());
    }
}
