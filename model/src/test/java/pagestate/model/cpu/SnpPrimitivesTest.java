package pagestate.model.cpu;

import pagestate.model.PropertyName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static pagestate.model.cpu.Attribute.PRIVATE;
import static pagestate.model.cpu.Attribute.SHARED;
import static pagestate.model.cpu.Mapping.DIRECT;

import org.junit.jupiter.api.Test;
import pagestate.model.cpu.Moves.Move;

/**
 * SEV-SNP Page State Change and PVALIDATE (docs/model.md sections 2, 4 and 6; arch/x86/coco/sev/core.c
 * set_pages_state() and pvalidate_pages(); AMD APM Vol. 2 15.36).
 */
class SnpPrimitivesTest {

    private static PageModel model(Direction d, String step) {
        return Build.on(Platform.SNP).converter(0, d, step, 1).model();
    }

    private static boolean validationOrderHolds(PageModel m, PageState s) {
        return m.property(PropertyName.SNP_VALIDATION_ORDER).holds().test(s);
    }

    @Test
    void pscToSharedOfARescindedPageMakesItHypervisorOwned() {
        // core.c set_pages_state(): PSC to shared after the rescind; the bytes read with the other key are garbage
        PageModel m = model(Direction.TO_SHARED, "psc");
        PageState s = m.initialState().edit().hv(1, HvPage.SNP_UNVALIDATED).done();
        PageState expected = Step.doneFrom(s, Cause.OK).hv(1, HvPage.SNP_HV_OWNED).contents(1, Content.GARBAGE).done();
        Step.assertNext(expected, Step.run(m, s));
    }

    @Test
    void pscToSharedOfAValidatedPageIsARuleBreach() {
        // core.c: the guest must rescind before PSC to shared (docs/model.md section 6); not fatal by itself
        PageModel m = model(Direction.TO_SHARED, "psc");
        PageState s = m.initialState();
        Move move = Step.run(m, s);
        assertEquals(Cause.PSC_WHILE_VALIDATED, move.outcome());
        PageState expected = Step.doneFrom(s, Cause.PSC_WHILE_VALIDATED).happen(Cause.PSC_WHILE_VALIDATED)
                .hv(1, HvPage.SNP_HV_OWNED).contents(1, Content.GARBAGE).done();
        Step.assertNext(expected, move);
        assertFalse(move.next().crashed());
        assertFalse(validationOrderHolds(m, move.next()));
    }

    @Test
    void pscToPrivateAssignsThePageUnvalidated() {
        // RMPUPDATE assigns the page to the guest with the validated bit clear
        PageModel m = model(Direction.TO_PRIVATE, "psc");
        PageState s = m.initialState();
        assertEquals(HvPage.SNP_HV_OWNED, s.hv(1));
        PageState expected = Step.doneFrom(s, Cause.OK).hv(1, HvPage.SNP_UNVALIDATED).contents(1, Content.GARBAGE).done();
        Step.assertNext(expected, Step.run(m, s));
    }

    @Test
    void pscToPrivateOfAGuestOwnedPageChangesNothing() {
        // core.c set_pages_state(): the page is already assigned to the guest
        PageModel m = model(Direction.TO_PRIVATE, "psc");
        PageState s = m.initialState().edit().hv(1, HvPage.SNP_VALIDATED).contents(1, Content.SECRET).done();
        Step.assertNext(Step.doneFrom(s, Cause.OK).done(), Step.run(m, s));
    }

    @Test
    void pvalidateValidatesAnUnvalidatedPage() {
        PageModel m = model(Direction.TO_PRIVATE, "pvalidate");
        PageState s = m.initialState().edit().hv(1, HvPage.SNP_UNVALIDATED).pte(DIRECT, 1, new Pte(true, PRIVATE))
                .tlb(0, DIRECT, 1, TlbEntry.NONE).done();
        // PVALIDATE takes a virtual address: the walk caches the translation
        PageState expected = Step.doneFrom(s, Cause.OK).hv(1, HvPage.SNP_VALIDATED).tlb(0, DIRECT, 1, TlbEntry.PRIVATE).done();
        Step.assertNext(expected, Step.run(m, s));
    }

    @Test
    void pvalidateThroughANotPresentPteIsAFatalPageFault() {
        // Lendacky's oops on Kelley's v1 (Oct 2023): PVALIDATE on the direct map after set_memory_np()
        PageModel m = model(Direction.TO_PRIVATE, "pvalidate");
        PageState s = m.initialState().edit().hv(1, HvPage.SNP_UNVALIDATED).pte(DIRECT, 1, new Pte(false, PRIVATE))
                .tlb(0, DIRECT, 1, TlbEntry.NONE).done();
        Move move = Step.run(m, s);
        assertEquals(Cause.PF_IN_PVALIDATE, move.outcome());
        assertEquals(Cause.PF_IN_PVALIDATE, move.next().crash());
        assertEquals(HvPage.SNP_UNVALIDATED, move.next().hv(1));
        assertFalse(validationOrderHolds(m, move.next()));
    }

    @Test
    void pvalidateThroughAStaleTlbEntryDoesNotFault() {
        // SDM 4.10.2.3: CPU0's TLB entry still translates the address although the PTE is not present
        PageModel m = model(Direction.TO_PRIVATE, "pvalidate");
        PageState s = m.initialState().edit().hv(1, HvPage.SNP_UNVALIDATED).pte(DIRECT, 1, new Pte(false, PRIVATE))
                .tlb(0, DIRECT, 1, TlbEntry.SHARED).done();
        Move move = Step.run(m, s);
        assertEquals(Cause.OK, move.outcome());
        assertEquals(HvPage.SNP_VALIDATED, move.next().hv(1));
    }

    @Test
    void doubleValidationIsFatal() {
        // pvalidate_pages(): PVALIDATE fails on a page already validated; Linux terminates
        PageModel m = model(Direction.TO_PRIVATE, "pvalidate");
        PageState s = m.initialState().edit().hv(1, HvPage.SNP_VALIDATED).done();
        Move move = Step.run(m, s);
        assertEquals(Cause.PVALIDATE_FAILED, move.outcome());
        assertEquals(Cause.PVALIDATE_FAILED, move.next().crash());
        assertEquals(HvPage.SNP_VALIDATED, move.next().hv(1));
    }

    @Test
    void validationBeforePscToPrivateIsFatal() {
        // the page is still hypervisor-owned: validate after PSC to private (docs/model.md section 6)
        PageModel m = model(Direction.TO_PRIVATE, "pvalidate");
        PageState s = m.initialState();
        assertEquals(HvPage.SNP_HV_OWNED, s.hv(1));
        Move move = Step.run(m, s);
        assertEquals(Cause.PVALIDATE_FAILED, move.outcome());
        assertTrue(move.next().crashed());
        assertFalse(validationOrderHolds(m, move.next()));
    }

    @Test
    void rescindUnvalidatesAValidatedPage() {
        // mem_encrypt_amd.c enc_status_change_prepare(): PVALIDATE(rescind) before PSC to shared
        PageModel m = model(Direction.TO_SHARED, "rescind");
        PageState s = m.initialState();
        Step.assertNext(Step.doneFrom(s, Cause.OK).hv(1, HvPage.SNP_UNVALIDATED).done(), Step.run(m, s));
    }

    @Test
    void rescindThroughANotPresentPteIsAFatalPageFault() {
        // PVALIDATE takes the direct map's virtual address (Lendacky's oops, Oct 2023)
        PageModel m = model(Direction.TO_SHARED, "rescind");
        PageState s = m.initialState().edit().pte(DIRECT, 1, new Pte(false, SHARED)).tlb(0, DIRECT, 1, TlbEntry.NONE).done();
        Move move = Step.run(m, s);
        assertEquals(Cause.PF_IN_PVALIDATE, move.outcome());
        assertEquals(HvPage.SNP_VALIDATED, move.next().hv(1));
    }

    @Test
    void rescindOfAnUnvalidatedPageIsFatal() {
        // core.c pvalidate_pages(): PVALIDATE fails unless the page is in the state it changes from
        PageModel m = model(Direction.TO_SHARED, "rescind");
        PageState s = m.initialState().edit().hv(1, HvPage.SNP_UNVALIDATED).done();
        assertEquals(Cause.PVALIDATE_FAILED, Step.run(m, s).outcome());
    }
}
